using System.Collections.Concurrent;
using System.Text.Json;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Faults;
using Hyperion.FakeZocalo.Logging;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// Assembles per-image results into X-ray centring results, one data collection group at a time (DLS's X-ray
/// centring service): it holds each group's deliveries unacknowledged until the group's result is published, so a
/// reducer that dies hands everything to the next one; it counts distinct frames, so duplicates change nothing;
/// and it publishes a result (<c>[]</c> when nothing diffracted) when every frame of every grid is in.
/// </summary>
public sealed class CentringReducer : IDisposable
{
    private const int RememberedGroups = 4096;
    private readonly ICollectionCatalog _catalog;
    private readonly ICentringComputer _computer;
    private readonly IResultPublisher _publisher;
    private readonly ZocaloFaults _faults;
    private readonly ZocaloServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, GroupProgress> _groups = [];
    private readonly HashSet<long> _finished = [];
    private readonly Queue<long> _finishedOrder = new();
    private readonly ConcurrentDictionary<Task, bool> _lateReplies = new();
    private int _openGroups;

    /// <summary>Creates the reducer.</summary>
    public CentringReducer(
        ICollectionCatalog catalog,
        ICentringComputer computer,
        IResultPublisher publisher,
        ZocaloFaults faults,
        ZocaloServiceOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _catalog = catalog;
        _computer = computer;
        _publisher = publisher;
        _faults = faults;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Groups still collecting.</summary>
    public int OpenGroups => Volatile.Read(ref _openGroups);

    /// <summary>Results delayed by a late-reply fault and not yet sent.</summary>
    public IReadOnlyCollection<Task> PendingLateReplies => _lateReplies.Keys.ToArray();

    /// <summary>Handles one delivery from <c>xray_centering</c>.</summary>
    public async Task<MessageDisposition> HandleAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ReducerInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ReducerInput>(message.Body.Span);
        }
        catch (Exception bad) when (bad is JsonException or NotSupportedException)
        {
            ZocaloLog.BadReducerInput(_logger, bad.Message, message.BodyText);
            return MessageDisposition.DeadLetter;
        }

        if (input is null)
        {
            ZocaloLog.BadReducerInput(_logger, "null", message.BodyText);
            return MessageDisposition.DeadLetter;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_finished.Contains(input.Dcgid))
            {
                // A redelivered or duplicated input for a group whose result is already out.
                return MessageDisposition.Ack;
            }

            if (!_groups.TryGetValue(input.Dcgid, out var group))
            {
                var collections = await _catalog.GroupCollectionsAsync(input.Dcgid, cancellationToken);
                var gridCollections = collections.Where(c => c.Grid is not null).OrderBy(c => c.Dcid).ToArray();
                var grids = gridCollections.Select(c => c.Grid!).ToArray();
                if (grids.Length == 0)
                {
                    // Not a grid scan (a rotation): per-image analysis only, nothing to centre.
                    return MessageDisposition.Ack;
                }

                try
                {
                    group = new GroupProgress(input.Dcgid, grids, _time.GetUtcNow(), gridCollections.Select(c => c.SampleId).FirstOrDefault(id => id is not null));
                }
                catch (CentringInputException unusable)
                {
                    ZocaloLog.GroupNotCentrable(_logger, input.Dcgid, unusable.Message);
                    Remember(input.Dcgid);
                    return MessageDisposition.Ack;
                }

                _groups[input.Dcgid] = group;
                _openGroups = _groups.Count;
            }

            try
            {
                group.Apply(input, _time.GetUtcNow());
            }
            catch (CentringInputException bad)
            {
                ZocaloLog.BadReducerInput(_logger, bad.Message, message.BodyText);
                return MessageDisposition.DeadLetter;
            }

            if (!group.Completion.IsComplete)
            {
                group.Held.Add(message);
                return MessageDisposition.Hold;
            }

            _groups.Remove(input.Dcgid);
            _openGroups = _groups.Count;
            Remember(input.Dcgid);
            await FinishAsync(group, cancellationToken);
            return MessageDisposition.Ack;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Abandons groups that made no progress within the group timeout (called periodically).</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            foreach (var group in _groups.Values.Where(g => g.LastProgress + _options.GroupTimeout <= now).ToArray())
            {
                ZocaloLog.GroupAbandoned(_logger, group.Dcgid, _options.GroupTimeout.TotalSeconds, group.Missing());
                _groups.Remove(group.Dcgid);
                _openGroups = _groups.Count;
                Remember(group.Dcgid);
                await SettleAsync(group.Held, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static async Task SettleAsync(IEnumerable<TransportMessage> held, CancellationToken cancellationToken)
    {
        foreach (var message in held)
        {
            await message.SettleAsync(MessageDisposition.Ack, cancellationToken);
        }
    }

    private static CentringOutcome WithExtraCrystal(CentringOutcome outcome, int offset)
    {
        if (outcome.Results.Count == 0)
        {
            return outcome;
        }

        // The extra crystal sits further along the grid's x, the axis both grids share.
        var best = outcome.Results[0];
        var extra = best with
        {
            CentreOfMass = [best.CentreOfMass[0] + offset, .. best.CentreOfMass.Skip(1)],
            MaxVoxel = [best.MaxVoxel[0] + offset, .. best.MaxVoxel.Skip(1)],
            BoundingBox = best.BoundingBox is { } box ? box with { X0 = box.X0 + offset, X1 = box.X1 + offset } : null,
        };
        return outcome with { Results = [.. outcome.Results, extra] };
    }

    private void Remember(long dcgid)
    {
        if (_finished.Add(dcgid))
        {
            _finishedOrder.Enqueue(dcgid);
            if (_finishedOrder.Count > RememberedGroups)
            {
                _finished.Remove(_finishedOrder.Dequeue());
            }
        }
    }

    private async Task FinishAsync(GroupProgress group, CancellationToken cancellationToken)
    {
        var grids = group.Completion.ToSpotCounts();
        CentringOutcome outcome;
        try
        {
            outcome = _computer.Compute(grids);
        }
        catch (CentringInputException unusable)
        {
            ZocaloLog.GroupNotCentrable(_logger, group.Dcgid, unusable.Message);
            await SettleAsync(group.Held, cancellationToken);
            return;
        }

        if (group.SampleId is { } sampleId)
        {
            // As DLS's X-ray centring service: each crystal names the sample ISPyB says the grids were of.
            outcome = outcome with { Results = [.. outcome.Results.Select(r => r.SampleId is null ? r with { SampleId = sampleId } : r)] };
        }

        var dcid = grids[0].Dcid;
        var dcgid = group.Dcgid;
        var fault = _faults.Match(group.Filename ?? string.Empty);
        ZocaloLog.GroupComplete(_logger, dcgid, grids.Count, outcome.Results.Count, fault?.Kind);
        switch (fault?.Kind)
        {
            case ZocaloFaultKind.NoReply:
                await SettleAsync(group.Held, cancellationToken);
                return;
            case ZocaloFaultKind.EmptyResults:
                outcome = outcome with { Results = [] };
                break;
            case ZocaloFaultKind.ExtraCrystal:
                outcome = WithExtraCrystal(outcome, fault.Offset);
                break;
            case ZocaloFaultKind.WrongDcid:
                dcid += 1_000_000;
                dcgid += 1_000_000;
                break;
            case ZocaloFaultKind.LateReply:
                // Sent later without holding up other groups; its inputs stay unacknowledged until it is out.
                var late = PublishLateAsync(fault.Delay, dcid, dcgid, outcome, group.Held);
                _lateReplies[late] = true;
                _ = late.ContinueWith(t => _lateReplies.TryRemove(t, out _), TaskScheduler.Default);
                return;
        }

        await _publisher.PublishAsync(dcid, dcgid, outcome, cancellationToken);
        if (fault?.Kind == ZocaloFaultKind.Duplicate)
        {
            await _publisher.PublishAsync(dcid, dcgid, outcome, cancellationToken);
        }

        await SettleAsync(group.Held, cancellationToken);
    }

    private async Task PublishLateAsync(TimeSpan delay, long dcid, long dcgid, CentringOutcome outcome, List<TransportMessage> held)
    {
        await Task.Delay(delay, _time);
        await _publisher.PublishAsync(dcid, dcgid, outcome);
        await SettleAsync(held, CancellationToken.None);
    }
}
