using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Composition;

/// <summary>
/// Composes the documents of one run with event-model's rules (its <c>compose_run</c>): descriptors keep
/// their data keys per stream, events number from 1 per stream, exactly one RunStop. With
/// <see cref="Validate"/> on, every event's keys are checked against its descriptor; off, composing costs
/// no checks.
/// </summary>
public sealed class RunComposer
{
    private readonly DocumentClock _clock;
    private readonly Dictionary<string, IReadOnlySet<string>> _streamKeys = new(StringComparer.Ordinal);
    private bool _stopped;

    /// <summary>Starts a run: composes its RunStart from <paramref name="metadata"/>.</summary>
    public RunComposer(IReadOnlyDictionary<string, object?> metadata, DocumentClock clock, bool validate, string? uid = null, double? time = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Validate = validate;
        var start = new RunStart { Uid = uid ?? clock.NewUid(), Time = time ?? clock.Now() };
        foreach (var (key, value) in metadata)
        {
            if (key is "uid" or "time")
            {
                continue;
            }

            start.Metadata[key] = value;
        }

        Start = start;
    }

    /// <summary>The run's RunStart.</summary>
    public RunStart Start { get; }

    /// <summary>Whether event-model's content rules are checked on every document.</summary>
    public bool Validate { get; }

    /// <summary>The next sequence number per stream (the RunEngine rolls these back on rewind).</summary>
    public Dictionary<string, int> EventCounters { get; } = new(StringComparer.Ordinal);

    /// <summary>Composes a descriptor; a stream name may be reused only with the same data keys.</summary>
    public ComposedStream ComposeDescriptor(
        string name,
        Dictionary<string, DataKey> dataKeys,
        Dictionary<string, DescriptorConfiguration>? configuration = null,
        Dictionary<string, Hints>? hints = null,
        Dictionary<string, List<string>>? objectKeys = null,
        Dictionary<string, string>? objectClasses = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dataKeys);
        var keys = dataKeys.Keys.ToHashSet(StringComparer.Ordinal);
        if (_streamKeys.TryGetValue(name, out var existing) && !existing.SetEquals(keys))
        {
            throw new EventModelValidationError(
                $"A descriptor with the name '{name}' has already been composed with data_keys [{string.Join(", ", existing.Order(StringComparer.Ordinal))}]; " +
                $"this one has [{string.Join(", ", keys.Order(StringComparer.Ordinal))}].");
        }

        _streamKeys[name] = keys;
        var descriptor = new EventDescriptor
        {
            Uid = _clock.NewUid(),
            Time = _clock.Now(),
            RunStartUid = Start.Uid,
            Name = name,
            DataKeys = dataKeys,
            Configuration = configuration ?? new(StringComparer.Ordinal),
            Hints = hints ?? new(StringComparer.Ordinal),
            ObjectKeys = objectKeys ?? new(StringComparer.Ordinal),
            ObjectClasses = objectClasses ?? new(StringComparer.Ordinal),
        };
        EventCounters.TryAdd(name, 1);
        return new ComposedStream(descriptor);
    }

    /// <summary>Composes the next event of <paramref name="stream"/>.</summary>
    public Event ComposeEvent(ComposedStream stream, Dictionary<string, object?> data, Dictionary<string, double> timestamps, Dictionary<string, object>? filled = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(timestamps);
        filled ??= new Dictionary<string, object>(0, StringComparer.Ordinal);
        if (Validate)
        {
            CheckKeys(stream, data, timestamps, filled, "event");
        }

        var seqNum = EventCounters[stream.Name];
        var doc = new Event
        {
            Uid = _clock.NewUid(),
            Time = _clock.Now(),
            Descriptor = stream.Descriptor.Uid,
            SeqNum = seqNum,
            Data = data,
            Timestamps = timestamps,
            Filled = filled,
        };
        EventCounters[stream.Name] = seqNum + 1;
        return doc;
    }

    /// <summary>Composes a page of events of <paramref name="stream"/>, numbered from the stream's counter.</summary>
    public EventPage ComposeEventPage(ComposedStream stream, Dictionary<string, List<object?>> data, Dictionary<string, List<double>> timestamps, Dictionary<string, List<object>>? filled = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(timestamps);
        filled ??= new Dictionary<string, List<object>>(0, StringComparer.Ordinal);
        var length = ColumnLength(data.Values.Select(c => c.Count), "data");
        var timestampLength = ColumnLength(timestamps.Values.Select(c => c.Count), "timestamps");
        if (length != timestampLength)
        {
            throw new EventModelValidationError(
                $"Cannot compose event_page for stream '{stream.Name}': the timestamp columns hold {timestampLength} rows but the data columns {length}.");
        }

        if (Validate)
        {
            CheckKeys(stream, data, timestamps, filled, "event_page");
        }

        var first = EventCounters[stream.Name];
        var now = _clock.Now();
        var page = new EventPage
        {
            Uid = Enumerable.Range(0, length).Select(_ => _clock.NewUid()).ToList(),
            Time = Enumerable.Repeat(now, length).ToList(),
            Descriptor = stream.Descriptor.Uid,
            SeqNum = Enumerable.Range(first, length).ToList(),
            Data = data,
            Timestamps = timestamps,
            Filled = filled,
        };
        EventCounters[stream.Name] = first + length;
        return page;
    }

    /// <summary>Composes the run's one RunStop; a second call fails.</summary>
    public RunStop ComposeStop(string exitStatus = "success", string reason = "")
    {
        if (_stopped)
        {
            throw new EventModelValidationError($"Already composed a RunStop document for run '{Start.Uid}'.");
        }

        if (exitStatus is not ("success" or "abort" or "fail"))
        {
            throw new EventModelValidationError($"exit_status must be 'success', 'abort' or 'fail', not '{exitStatus}'.");
        }

        _stopped = true;
        return new RunStop
        {
            Uid = _clock.NewUid(),
            Time = _clock.Now(),
            RunStartUid = Start.Uid,
            ExitStatus = exitStatus,
            Reason = reason ?? string.Empty,
            NumEvents = EventCounters.ToDictionary(p => p.Key, p => (long)(p.Value - 1), StringComparer.Ordinal),
        };
    }

    /// <summary>True once the RunStop has been composed.</summary>
    public bool IsStopped => _stopped;

    private static int ColumnLength(IEnumerable<int> lengths, string what)
    {
        int? length = null;
        foreach (var l in lengths)
        {
            if (length is not null && l != length)
            {
                throw new EventModelValidationError($"Cannot compose event_page: its '{what}' columns have different lengths.");
            }

            length = l;
        }

        return length ?? 0;
    }

    // Checked without allocating: keys are unique within a dictionary, so "every non-stream key is an event key,
    // and there are as many of them as event keys" means the two sets are equal.
    private static void CheckKeys<TData, TTimestamps, TFilled>(ComposedStream stream, Dictionary<string, TData> data, Dictionary<string, TTimestamps> timestamps, Dictionary<string, TFilled> filled, string what)
    {
        if (!MatchesEventKeys(stream, data) || !MatchesEventKeys(stream, timestamps))
        {
            throw new EventModelValidationError(
                $"The {what}'s keys must match its descriptor's (other than \"STREAM:\" keys) in stream '{stream.Name}': " +
                $"data [{Join(data.Keys)}], timestamps [{Join(timestamps.Keys)}], descriptor data_keys [{Join(stream.EventKeys)}].");
        }

        foreach (var (key, _) in filled)
        {
            if (!data.ContainsKey(key))
            {
                throw new EventModelValidationError($"Keys in the {what}'s filled [{Join(filled.Keys)}] must be a subset of its data keys [{Join(data.Keys)}].");
            }
        }
    }

    private static bool MatchesEventKeys<T>(ComposedStream stream, Dictionary<string, T> values)
    {
        var count = 0;
        foreach (var (key, _) in values)
        {
            if (stream.EventKeys.Contains(key))
            {
                count++;
            }
            else if (!stream.StreamKeys.Contains(key))
            {
                return false;
            }
        }

        return count == stream.EventKeys.Count;
    }

    private static string Join(IEnumerable<string> keys) => string.Join(", ", keys.Order(StringComparer.Ordinal));
}
