using System.Text.Json;

namespace Hyperion.Engine.Tests.Conformance;

/// <summary>
/// event-model's rules that a schema cannot express, checked over a whole document stream: event keys
/// match their descriptor, sequence numbers count from 1 per stream, descriptors of one stream agree,
/// every start has exactly one stop whose num_events is right, and every reference points at a document
/// emitted before it.
/// </summary>
internal sealed class EventModelRules
{
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, RunState> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RunState Run, EventDescriptor Descriptor)> _descriptors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunState> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _datumIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RunState Run, StreamResource Resource)> _streamResources = new(StringComparer.Ordinal);
    private int _index;

    /// <summary>Checks <paramref name="documents"/> in order; returns every violation, empty when they conform.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<(DocumentName Name, Document Document)> documents)
    {
        var rules = new EventModelRules();
        foreach (var (name, document) in documents)
        {
            rules.Visit(name, document);
            rules._index++;
        }

        rules.Finish();
        return rules._violations;
    }

    private void Visit(DocumentName name, Document document)
    {
        switch (document)
        {
            case RunStart start:
                if (!_runs.TryAdd(start.Uid, new RunState(start.Uid)))
                {
                    Fail(name, start.Uid, "a second start with the same uid");
                }

                break;
            case EventDescriptor descriptor:
                VisitDescriptor(descriptor);
                break;
            case Event ev:
                VisitEvent(ev);
                break;
            case EventPage page:
                VisitEventPage(page);
                break;
            case RunStop stop:
                VisitStop(stop);
                break;
            case Resource resource:
                if (OpenRun(name, resource.Uid, resource.RunStartUid) is { } resourceRun)
                {
                    _resources[resource.Uid] = resourceRun;
                }

                break;
            case Datum datum:
                if (!_resources.ContainsKey(datum.Resource))
                {
                    Fail(name, datum.DatumId, $"refers to resource '{datum.Resource}', which was not emitted before it");
                }

                if (!_datumIds.Add(datum.DatumId))
                {
                    Fail(name, datum.DatumId, "a second datum with the same datum_id");
                }

                break;
            case StreamResource streamResource:
                VisitStreamResource(streamResource);
                break;
            case StreamDatum streamDatum:
                VisitStreamDatum(streamDatum);
                break;
            default:
                Fail(name, "?", $"unexpected document type {document.GetType().Name}");
                break;
        }
    }

    private void VisitDescriptor(EventDescriptor descriptor)
    {
        if (OpenRun(DocumentName.Descriptor, descriptor.Uid, descriptor.RunStartUid) is not { } run)
        {
            return;
        }

        _descriptors[descriptor.Uid] = (run, descriptor);
        var keys = descriptor.DataKeys.Keys.ToHashSet(StringComparer.Ordinal);
        if (run.Streams.TryGetValue(descriptor.Name, out var stream))
        {
            if (!stream.DataKeys.SetEquals(keys))
            {
                Fail(DocumentName.Descriptor, descriptor.Uid,
                    $"stream '{descriptor.Name}' was described before with data_keys [{Join(stream.DataKeys)}], now with [{Join(keys)}]");
            }
        }
        else
        {
            run.Streams[descriptor.Name] = new StreamState(keys);
        }
    }

    private void VisitEvent(Event ev)
    {
        if (Descriptor(DocumentName.Event, ev.Uid, ev.Descriptor) is not { } found)
        {
            return;
        }

        var (run, descriptor) = found;
        CheckKeys(DocumentName.Event, ev.Uid, descriptor, ev.Data.Keys, ev.Timestamps.Keys, ev.Filled.Keys);
        CheckDatumReferences(ev.Uid, descriptor, ev.Data);
        NextSeqNum(run, descriptor, ev.SeqNum, DocumentName.Event, ev.Uid);
    }

    private void VisitEventPage(EventPage page)
    {
        var label = page.Uid.Count > 0 ? page.Uid[0] : "(empty page)";
        if (Descriptor(DocumentName.EventPage, label, page.Descriptor) is not { } found)
        {
            return;
        }

        var (run, descriptor) = found;
        CheckKeys(DocumentName.EventPage, label, descriptor, page.Data.Keys, page.Timestamps.Keys, page.Filled.Keys);
        var rows = page.Uid.Count;
        if (page.Time.Count != rows || page.SeqNum.Count != rows || page.Data.Values.Any(c => c.Count != rows)
            || page.Timestamps.Values.Any(c => c.Count != rows) || page.Filled.Values.Any(c => c.Count != rows))
        {
            Fail(DocumentName.EventPage, label, $"columns of unequal length (uid has {rows} rows)");
        }

        foreach (var seqNum in page.SeqNum)
        {
            NextSeqNum(run, descriptor, seqNum, DocumentName.EventPage, label);
        }
    }

    private void VisitStop(RunStop stop)
    {
        if (!_runs.TryGetValue(stop.RunStartUid, out var run))
        {
            Fail(DocumentName.Stop, stop.Uid, $"refers to start '{stop.RunStartUid}', which was not emitted before it");
            return;
        }

        run.Stops++;
        if (run.Stops > 1)
        {
            Fail(DocumentName.Stop, stop.Uid, $"run '{run.Uid}' has more than one stop");
            return;
        }

        if (!stop.NumEvents.Keys.ToHashSet(StringComparer.Ordinal).SetEquals(run.Streams.Keys))
        {
            Fail(DocumentName.Stop, stop.Uid, $"num_events has streams [{Join(stop.NumEvents.Keys)}] but the run described [{Join(run.Streams.Keys)}]");
        }

        foreach (var (streamName, stream) in run.Streams)
        {
            var expected = Math.Max(stream.LastSeqNum, stream.StreamDatumCoverage.Values.DefaultIfEmpty(0).Max());
            if (stop.NumEvents.TryGetValue(streamName, out var counted) && counted != expected)
            {
                Fail(DocumentName.Stop, stop.Uid, $"num_events['{streamName}'] is {counted}, but the stream holds {expected} events");
            }
        }
    }

    private void VisitStreamResource(StreamResource resource)
    {
        if (OpenRun(DocumentName.StreamResource, resource.Uid, resource.RunStartUid) is not { } run)
        {
            return;
        }

        if (!_streamResources.TryAdd(resource.Uid, (run, resource)))
        {
            Fail(DocumentName.StreamResource, resource.Uid, "a second stream_resource with the same uid");
        }

        var described = _descriptors.Values.Any(d => ReferenceEquals(d.Run, run)
            && d.Descriptor.DataKeys.TryGetValue(resource.DataKey, out var key) && key.IsStream);
        if (!described)
        {
            Fail(DocumentName.StreamResource, resource.Uid, $"data_key '{resource.DataKey}' is not a \"STREAM:\" data key of any descriptor of its run");
        }
    }

    private void VisitStreamDatum(StreamDatum datum)
    {
        if (!_streamResources.TryGetValue(datum.StreamResource, out var resource))
        {
            Fail(DocumentName.StreamDatum, datum.Uid, $"refers to stream_resource '{datum.StreamResource}', which was not emitted before it");
            return;
        }

        if (Descriptor(DocumentName.StreamDatum, datum.Uid, datum.Descriptor) is not { } found)
        {
            return;
        }

        var (run, descriptor) = found;
        if (!ReferenceEquals(run, resource.Run))
        {
            Fail(DocumentName.StreamDatum, datum.Uid, "its stream_resource and its descriptor belong to different runs");
        }

        var dataKey = resource.Resource.DataKey;
        if (!descriptor.DataKeys.TryGetValue(dataKey, out var key) || !key.IsStream)
        {
            Fail(DocumentName.StreamDatum, datum.Uid, $"its stream_resource's data_key '{dataKey}' is not a \"STREAM:\" key of descriptor '{descriptor.Name}'");
        }

        if (datum.Indices.Length != datum.SeqNums.Length || datum.Indices.Length <= 0)
        {
            Fail(DocumentName.StreamDatum, datum.Uid, $"indices {datum.Indices} and seq_nums {datum.SeqNums} must be non-empty and of equal length");
        }

        var coverage = run.Streams[descriptor.Name].StreamDatumCoverage;
        var covered = coverage.GetValueOrDefault(dataKey);
        if (datum.SeqNums.Start != covered + 1)
        {
            Fail(DocumentName.StreamDatum, datum.Uid,
                $"seq_nums {datum.SeqNums} of '{dataKey}' in stream '{descriptor.Name}' should start at {covered + 1} (stream datums count from 1 and leave no gaps)");
        }

        coverage[dataKey] = datum.SeqNums.Stop - 1;
    }

    private void CheckKeys(DocumentName name, string uid, EventDescriptor descriptor, IEnumerable<string> data, IEnumerable<string> timestamps, IEnumerable<string> filled)
    {
        var expected = descriptor.DataKeys.Where(p => !p.Value.IsStream).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var dataKeys = data.ToHashSet(StringComparer.Ordinal);
        if (!dataKeys.SetEquals(expected))
        {
            Fail(name, uid, $"data keys [{Join(dataKeys)}] differ from descriptor '{descriptor.Name}''s non-\"STREAM:\" data_keys [{Join(expected)}]");
        }

        var timestampKeys = timestamps.ToHashSet(StringComparer.Ordinal);
        if (!timestampKeys.SetEquals(expected))
        {
            Fail(name, uid, $"timestamps keys [{Join(timestampKeys)}] differ from descriptor '{descriptor.Name}''s non-\"STREAM:\" data_keys [{Join(expected)}]");
        }

        foreach (var key in filled)
        {
            if (!descriptor.DataKeys.TryGetValue(key, out var dataKey) || !dataKey.IsExternal || dataKey.IsStream)
            {
                Fail(name, uid, $"filled names '{key}', which is not an external (resource/datum) data key of descriptor '{descriptor.Name}'");
            }
        }
    }

    private void CheckDatumReferences(string uid, EventDescriptor descriptor, Dictionary<string, object?> data)
    {
        foreach (var (key, dataKey) in descriptor.DataKeys)
        {
            if (dataKey.IsExternal && !dataKey.IsStream && data.TryGetValue(key, out var value))
            {
                var datumId = value is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : value as string;
                if (datumId is null || !_datumIds.Contains(datumId))
                {
                    Fail(DocumentName.Event, uid, $"external key '{key}' holds {value ?? "null"}, which is not the datum_id of a datum emitted before it");
                }
            }
        }
    }

    private void NextSeqNum(RunState run, EventDescriptor descriptor, long seqNum, DocumentName name, string uid)
    {
        var stream = run.Streams[descriptor.Name];
        if (seqNum != stream.LastSeqNum + 1)
        {
            Fail(name, uid, $"seq_num {seqNum} in stream '{descriptor.Name}' should be {stream.LastSeqNum + 1} (sequence numbers count from 1 by 1 per stream)");
        }

        stream.LastSeqNum = seqNum;
    }

    private RunState? OpenRun(DocumentName name, string uid, string runStart)
    {
        if (!_runs.TryGetValue(runStart, out var run))
        {
            Fail(name, uid, $"refers to start '{runStart}', which was not emitted before it");
            return null;
        }

        if (run.Stops > 0)
        {
            Fail(name, uid, $"emitted after its run '{runStart}' stopped");
        }

        return run;
    }

    private (RunState Run, EventDescriptor Descriptor)? Descriptor(DocumentName name, string uid, string descriptorUid)
    {
        if (!_descriptors.TryGetValue(descriptorUid, out var found))
        {
            Fail(name, uid, $"refers to descriptor '{descriptorUid}', which was not emitted before it");
            return null;
        }

        if (found.Run.Stops > 0)
        {
            Fail(name, uid, $"emitted after its run '{found.Run.Uid}' stopped");
        }

        return found;
    }

    private void Finish()
    {
        foreach (var run in _runs.Values.Where(r => r.Stops == 0))
        {
            _violations.Add($"start '{run.Uid}': the run has no stop");
        }
    }

    private void Fail(DocumentName name, string uid, string why) =>
        _violations.Add($"document #{_index} ({name.ToWireName()} '{uid}'): {why}");

    private static string Join(IEnumerable<string> keys) => string.Join(", ", keys.Order(StringComparer.Ordinal));

    private sealed class RunState(string uid)
    {
        public string Uid { get; } = uid;

        public int Stops { get; set; }

        public Dictionary<string, StreamState> Streams { get; } = new(StringComparer.Ordinal);
    }

    private sealed class StreamState(HashSet<string> dataKeys)
    {
        public HashSet<string> DataKeys { get; } = dataKeys;

        public long LastSeqNum { get; set; }

        public Dictionary<string, long> StreamDatumCoverage { get; } = new(StringComparer.Ordinal);
    }
}
