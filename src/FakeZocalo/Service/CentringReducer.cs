using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
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
                group = new GroupProgress(input.Dcgid, collections.Where(c => c.Grid is not null).OrderBy(c => c.Dcid).ToArray(), _time.GetUtcNow());
                if (group.Grids.Count == 0)
                {
                    // Not a grid scan (a rotation): per-image analysis only, nothing to centre.
                    return MessageDisposition.Ack;
                }

                _groups[input.Dcgid] = group;
                _openGroups = _groups.Count;
            }

            group.Apply(input, _time.GetUtcNow());
            if (!group.IsComplete)
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

    private static JsonArray WithExtraCrystal(JsonArray results, int offset)
    {
        if (results.Count == 0)
        {
            return results;
        }

        // Re-parsed so every number reads back as either integer or floating point.
        var extra = JsonNode.Parse(results[0]!.ToJsonString())!.AsObject();
        Shift(extra["centre_of_mass"], offset, fractional: true);
        Shift(extra["max_voxel"], offset, fractional: false);
        if (extra["bounding_box"] is JsonArray box)
        {
            foreach (var corner in box)
            {
                Shift(corner, offset, fractional: false);
            }
        }

        results.Add(extra);
        return results;
    }

    private static void Shift(JsonNode? vector, int offset, bool fractional)
    {
        // The extra crystal sits further along the grid's x (the axis both grids share).
        if (vector is JsonArray { Count: > 0 } components)
        {
            components[0] = fractional
                ? JsonValue.Create(components[0]!.GetValue<double>() + offset)
                : JsonValue.Create(components[0]!.GetValue<long>() + offset);
        }
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
        var grids = group.Counts();
        var results = _computer.Compute(grids);
        var dcid = grids[0].Collection.Dcid;
        var dcgid = group.Dcgid;
        var fault = _faults.Match(grids[0].Filename);
        ZocaloLog.GroupComplete(_logger, dcgid, grids.Count, results.Count, fault?.Kind);
        switch (fault?.Kind)
        {
            case ZocaloFaultKind.NoReply:
                await SettleAsync(group.Held, cancellationToken);
                return;
            case ZocaloFaultKind.EmptyResults:
                results = [];
                break;
            case ZocaloFaultKind.ExtraCrystal:
                results = WithExtraCrystal(results, fault.Offset);
                break;
            case ZocaloFaultKind.WrongDcid:
                dcid += 1_000_000;
                dcgid += 1_000_000;
                break;
            case ZocaloFaultKind.LateReply:
                // Sent later without holding up other groups; its inputs stay unacknowledged until it is out.
                var late = PublishLateAsync(fault.Delay, dcid, dcgid, results, group.Held);
                _lateReplies[late] = true;
                _ = late.ContinueWith(t => _lateReplies.TryRemove(t, out _), TaskScheduler.Default);
                return;
        }

        await _publisher.PublishAsync(dcid, dcgid, results, cancellationToken);
        if (fault?.Kind == ZocaloFaultKind.Duplicate)
        {
            await _publisher.PublishAsync(dcid, dcgid, results.DeepClone().AsArray(), cancellationToken);
        }

        await SettleAsync(group.Held, cancellationToken);
    }

    private async Task PublishLateAsync(TimeSpan delay, long dcid, long dcgid, JsonArray results, List<TransportMessage> held)
    {
        await Task.Delay(delay, _time);
        await _publisher.PublishAsync(dcid, dcgid, results);
        await SettleAsync(held, CancellationToken.None);
    }
}
