using System.Threading.Channels;
using Hyperion.FakeZocalo.Logging;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.FakeZocalo.Client;

/// <summary>
/// The reading side of dodal's <c>ZocaloResults</c>: consumes <c>xrc.{channel}</c>, takes recipe-wrapped result
/// messages from the chosen source (CPU, GPU or either, by the envelope's <c>gpu</c> flag), and hands them out in
/// arrival order. Malformed messages are logged and dead-lettered; messages from the other source are dropped.
/// </summary>
public sealed class ZocaloResultsListener : IAsyncDisposable
{
    private readonly Channel<XrcResultsMessage> _results = Channel.CreateUnbounded<XrcResultsMessage>();
    private readonly ResultSource _source;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private IAsyncDisposable? _subscription;

    private ZocaloResultsListener(string queue, ResultSource source, TimeProvider time, ILogger logger)
    {
        Queue = queue;
        _source = source;
        _time = time;
        _logger = logger;
    }

    /// <summary>The queue it consumes.</summary>
    public string Queue { get; }

    /// <summary>Starts listening on the topology's results queue (declaring the topology first).</summary>
    public static async Task<ZocaloResultsListener> StartAsync(
        ITransport transport,
        ZocaloTopology topology,
        ResultSource source = ResultSource.Either,
        TimeProvider? time = null,
        ILogger<ZocaloResultsListener>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(topology);
        await topology.DeclareAsync(transport, cancellationToken);
        var listener = new ZocaloResultsListener(topology.ResultsQueue, source, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        listener._subscription = await transport.SubscribeAsync(
            topology.ResultsQueue,
            listener.HandleAsync,
            new SubscriptionOptions(Prefetch: 16, ConsumerTag: "zocalo-results", Concurrency: 1),
            cancellationToken);
        return listener;
    }

    /// <summary>
    /// The next result taken, waiting at most <paramref name="timeout"/>; throws
    /// <see cref="ZocaloResultsTimeoutException"/> when none comes.
    /// </summary>
    public async Task<XrcResultsMessage> WaitForResultsAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await _results.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ZocaloResultsTimeoutException(Queue, timeout);
        }
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }

        _results.Writer.TryComplete();
    }

    private Task<MessageDisposition> HandleAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        if (message.HeaderText(XrcResultsEnvelope.RecipeHeader) is not ("True" or "true"))
        {
            ZocaloLog.BadResult(_logger, Queue, "it has no workflows-recipe header", message.BodyText);
            return Task.FromResult(MessageDisposition.DeadLetter);
        }

        XrcResultsMessage result;
        try
        {
            result = XrcResultsEnvelope.Parse(message.Body.Span);
        }
        catch (RecipeEnvelopeException bad)
        {
            ZocaloLog.BadResult(_logger, Queue, $"{bad.Path}: {bad.Message}", message.BodyText);
            return Task.FromResult(MessageDisposition.DeadLetter);
        }

        var wanted = _source switch
        {
            ResultSource.Cpu => !result.Gpu,
            ResultSource.Gpu => result.Gpu,
            _ => true,
        };
        if (wanted)
        {
            _results.Writer.TryWrite(result);
        }
        else
        {
            ZocaloLog.ResultFromOtherSource(_logger, result.Dcid, result.Gpu ? "GPU" : "CPU", _source);
        }

        return Task.FromResult(MessageDisposition.Ack);
    }
}
