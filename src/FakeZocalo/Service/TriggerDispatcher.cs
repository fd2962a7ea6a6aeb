using System.Text.Json;
using Hyperion.FakeZocalo.Logging;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// Takes Hyperion's start and end messages off <c>processing_recipe</c>: validates them (bad ones are logged and
/// dead-lettered), looks the collection up in ISPyB, puts starts of one file series in <c>message_index</c> order,
/// and fans each start out into one per-image job per frame, telling the reducer first.
/// </summary>
public sealed class TriggerDispatcher : IDisposable
{
    private const int PublishBatch = 64;
    private readonly ITransport _transport;
    private readonly ICollectionCatalog _catalog;
    private readonly ZocaloServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StartOrdering _ordering;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the dispatcher.</summary>
    public TriggerDispatcher(ITransport transport, ICollectionCatalog catalog, ZocaloServiceOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _catalog = catalog;
        _options = options;
        _time = time;
        _logger = logger;
        _ordering = new StartOrdering(time, options.OrderingTimeout);
    }

    /// <summary>How many starts wait for a lower <c>message_index</c>.</summary>
    public int WaitingStarts => _ordering.WaitingCount;

    /// <summary>Handles one delivery from <c>processing_recipe</c>.</summary>
    public async Task<MessageDisposition> HandleAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        RecipeTrigger trigger;
        try
        {
            if (message.Headers.ContainsKey(ZocaloHeaders.WorkflowsRecipe))
            {
                throw new TriggerMessageException(
                    ZocaloHeaders.WorkflowsRecipe,
                    "a recipe-wrapped message was sent to processing_recipe; triggers carry no workflows-recipe header",
                    message.BodyText);
            }

            trigger = RecipeTriggerParser.Parse(message.Body.Span);
        }
        catch (TriggerMessageException bad)
        {
            ZocaloLog.BadTrigger(_logger, bad.Path, bad.Reason, bad.Body);
            return MessageDisposition.DeadLetter;
        }

        if (message.HeaderText(ZocaloHeaders.GoUser) is null || message.HeaderText(ZocaloHeaders.GoHost) is null)
        {
            ZocaloLog.MissingSenderHeaders(_logger, trigger.Dcid);
        }

        var collection = await _catalog.FindCollectionAsync(trigger.Dcid, cancellationToken);
        if (collection is null)
        {
            ZocaloLog.UnknownDcid(_logger, trigger.Dcid, trigger.Event.ToString(), message.BodyText);
            return MessageDisposition.DeadLetter;
        }

        if (trigger.Event == TriggerEvent.End)
        {
            await PublishAsync(ZocaloTopology.XrayCentring, new CollectionEnded(collection.Dcid, collection.Dcgid), cancellationToken);
            ZocaloLog.CollectionEnded(_logger, collection.Dcid, collection.Dcgid);
            return MessageDisposition.Ack;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var ready = _ordering.Offer(trigger, message);
            ready.AddRange(_ordering.Expire());
            var outcome = MessageDisposition.Hold;
            foreach (var (start, held, duplicate) in ready)
            {
                var disposition = MessageDisposition.Ack;
                if (duplicate)
                {
                    ZocaloLog.DuplicateStart(_logger, start.Dcid, start.Filename!);
                }
                else
                {
                    disposition = await StartAsync(start, held.BodyText, ReferenceEquals(held, message) ? collection : null, cancellationToken);
                }

                if (ReferenceEquals(held, message))
                {
                    outcome = disposition;
                }
                else
                {
                    await held.SettleAsync(disposition, cancellationToken);
                }
            }

            // Hold: this start waits for its predecessors and is settled when they come or the wait times out.
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases starts that waited too long for their predecessors (called periodically).</summary>
    public async Task ExpireWaitingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var (start, held, duplicate) in _ordering.Expire())
            {
                ZocaloLog.OrderingTimedOut(_logger, start.Dcid, start.Filename!, start.MessageIndex);
                var disposition = duplicate ? MessageDisposition.Ack : await StartAsync(start, held.BodyText, null, cancellationToken);
                await held.SettleAsync(disposition, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<MessageDisposition> StartAsync(RecipeTrigger start, string body, CollectionRecord? known, CancellationToken cancellationToken)
    {
        // A start that waited for its predecessors is looked up again: ISPyB may have changed meanwhile.
        var collection = known ?? await _catalog.FindCollectionAsync(start.Dcid, cancellationToken);
        if (collection is null)
        {
            ZocaloLog.UnknownDcid(_logger, start.Dcid, start.Event.ToString(), body);
            return MessageDisposition.DeadLetter;
        }

        await PublishAsync(
            ZocaloTopology.XrayCentring,
            new CollectionStarted(collection.Dcid, collection.Dcgid, start.Filename!, start.StartFrameIndex, start.NumberOfFrames),
            cancellationToken);
        var deadline = _time.GetUtcNow() + _options.FrameTimeout;
        var jobs = Enumerable.Range(0, start.NumberOfFrames)
            .Select(i => new PerImageJob(collection.Dcid, collection.Dcgid, collection.ImageDirectory, start.Filename!, start.StartFrameIndex + i, i + 1, deadline));
        foreach (var batch in jobs.Chunk(PublishBatch))
        {
            await Task.WhenAll(batch.Select(job => _transport.PublishAsync(
                string.Empty, ZocaloTopology.PerImageAnalysis, JsonSerializer.SerializeToUtf8Bytes(job), null, cancellationToken)));
        }

        ZocaloLog.CollectionStarted(_logger, collection.Dcid, collection.Dcgid, start.Filename!, start.StartFrameIndex, start.NumberOfFrames);
        return MessageDisposition.Ack;
    }

    private Task PublishAsync(string queue, ReducerInput input, CancellationToken cancellationToken) =>
        _transport.PublishAsync(string.Empty, queue, JsonSerializer.SerializeToUtf8Bytes(input), null, cancellationToken);
}
