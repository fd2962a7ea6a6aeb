using Hyperion.Engine.Composition;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Protocols;
using Microsoft.Extensions.Logging;

namespace Hyperion.Engine.Running;

/// <summary>
/// The state of one open run (bluesky's RunBundler): bundles readings into events, caches descriptions and
/// configuration per object, keeps sequence numbers per stream (with a copy to roll back to on rewind),
/// monitors, flyers awaiting collection, and stream assets.
/// </summary>
internal sealed class RunBundler
{
    private static readonly ReferenceEqualityComparer ByIdentity = ReferenceEqualityComparer.Instance;

    private readonly IReadOnlyDictionary<string, object?> _metadata;
    private readonly bool _recordInterruptions;
    private readonly Action<DocumentName, Document> _emit;
    private readonly DocumentClock _clock;
    private readonly bool _validate;
    private readonly bool _strictPreDeclare;
    private readonly ILogger _log;

    private readonly List<object> _objsRead = [];
    private readonly List<IReadOnlyDictionary<string, Reading>> _readCache = [];
    private readonly List<Document> _assetDocsCache = [];
    private readonly Dictionary<object, IReadOnlyDictionary<string, DataKey>> _describeCache = new(ByIdentity);
    private readonly Dictionary<object, IReadOnlyDictionary<string, DataKey>> _describeCollectCache = new(ByIdentity);
    private readonly Dictionary<object, IReadOnlyDictionary<string, DataKey>> _configDescCache = new(ByIdentity);
    private readonly Dictionary<object, IReadOnlyDictionary<string, Reading>> _configCache = new(ByIdentity);
    private readonly Dictionary<string, ComposedStream> _descriptors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(object Obj, IReadOnlyDictionary<string, DataKey> Keys)>> _descriptorObjs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sequenceCountersCopy = new(StringComparer.Ordinal);
    private readonly Dictionary<object, Action<IReadOnlyDictionary<string, Reading>>> _monitors = new(ByIdentity);
    private readonly Dictionary<string, string> _streamResourceDataKeys = new(StringComparer.Ordinal);
    private readonly HashSet<object> _uncollected = new(ByIdentity);
    private readonly Dictionary<ObjectSet, List<string>> _declaredStreamNames = [];
    private readonly Lock _emitGate = new();

    private RunComposer? _composer;
    private string? _bundleName;
    private ComposedStream? _interruptions;

    public RunBundler(
        IReadOnlyDictionary<string, object?> metadata,
        bool recordInterruptions,
        Action<DocumentName, Document> emit,
        DocumentClock clock,
        bool validate,
        bool strictPreDeclare,
        ILogger log)
    {
        _metadata = metadata;
        _recordInterruptions = recordInterruptions;
        _emit = emit;
        _clock = clock;
        _validate = validate;
        _strictPreDeclare = strictPreDeclare;
        _log = log;
    }

    /// <summary>True between 'create' and 'save'/'drop'.</summary>
    public bool Bundling { get; private set; }

    public bool RunIsOpen { get; private set; }

    public string? RunStartUid => _composer?.Start.Uid;

    private RunComposer Composer => _composer ?? throw new InvalidOperationException("The run has not been opened.");

    private Dictionary<string, int> Counters => Composer.EventCounters;

    public string OpenRun()
    {
        _composer = new RunComposer(_metadata, _clock, _validate);
        RunIsOpen = true;
        Emit(DocumentName.Start, _composer.Start);
        ResetCheckpointState();
        if (_recordInterruptions)
        {
            var keys = new Dictionary<string, DataKey>(StringComparer.Ordinal)
            {
                ["interruption"] = new() { Dtype = "string", Shape = [], Source = "RunEngine" },
            };
            _interruptions = _composer.ComposeDescriptor("interruptions", keys);
            Emit(DocumentName.Descriptor, _interruptions.Descriptor);
        }

        return _composer.Start.Uid;
    }

    public string CloseRun(string exitStatus, string reason)
    {
        if (!RunIsOpen)
        {
            throw new IllegalMessageSequence(Commands.CloseRun,
                "there is no run open. If this followed a pause and resume, add a 'checkpoint' message after the 'close_run' message.");
        }

        foreach (var (obj, callback) in _monitors.ToList())
        {
            ((ISubscribable)obj).ClearSubscription(callback);
            _monitors.Remove(obj);
        }

        var stop = Composer.ComposeStop(string.IsNullOrEmpty(exitStatus) ? "success" : exitStatus, reason);
        Emit(DocumentName.Stop, stop);
        ResetCheckpointState();
        RunIsOpen = false;
        return stop.RunStartUid;
    }

    public void Create(Msg msg)
    {
        if (Bundling)
        {
            throw new IllegalMessageSequence(Commands.Create,
                "a second 'create' is not allowed until the current event bundle is closed with a 'save' or 'drop' message.");
        }

        var name = msg.Kwarg<string>("name") ?? (msg.Args.Count == 1 ? msg.Args[0] as string : null)
            ?? throw new ArgumentException("Msg('create') requires a stream name, given as Msg('create', null, name) or with kwarg name=...");
        if (_strictPreDeclare && !_descriptors.ContainsKey(name))
        {
            throw new IllegalMessageSequence(Commands.Create, $"stream '{name}' was not declared; in strict mode every stream must be declared with 'declare_stream' first.");
        }

        _readCache.Clear();
        _assetDocsCache.Clear();
        _objsRead.Clear();
        Bundling = true;
        _bundleName = name;
    }

    public async ValueTask ReadAsync(Msg msg, IReadOnlyDictionary<string, Reading> reading, CancellationToken ct)
    {
        if (!Bundling)
        {
            return;
        }

        var obj = msg.Obj!;
        await EnsureCachedAsync(obj, collect: false, ct).ConfigureAwait(false);
        var keys = _describeCache[obj];
        foreach (var read in _objsRead)
        {
            var colliding = _describeCache[read].Keys.Where(keys.ContainsKey).ToList();
            if (colliding.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Data keys (field names) from {NameOf(obj)} collide with those from {NameOf(read)}. The colliding keys are [{string.Join(", ", colliding)}].");
            }
        }

        _objsRead.Add(obj);
        _readCache.Add(reading);
        if (obj is IWritesExternalAssets external)
        {
            await foreach (var doc in external.CollectAssetDocsAsync(ct).ConfigureAwait(false))
            {
                _assetDocsCache.Add(doc);
            }
        }
        else if (obj is IWritesStreamAssets stream)
        {
            await foreach (var doc in stream.CollectStreamDocsAsync(null, ct).ConfigureAwait(false))
            {
                _assetDocsCache.Add(doc);
            }
        }
    }

    public async ValueTask SaveAsync(CancellationToken ct)
    {
        if (!Bundling)
        {
            throw new IllegalMessageSequence(Commands.Save, "a 'create' message must open an event bundle before 'save' can close it.");
        }

        var name = _bundleName!;
        Bundling = false;
        _bundleName = null;
        if (_objsRead.Count == 0)
        {
            return;
        }

        if (!_descriptors.TryGetValue(name, out var stream) || !_descriptorObjs.TryGetValue(name, out var objs))
        {
            var objsKeys = new List<(object, IReadOnlyDictionary<string, DataKey>)>(_objsRead.Count);
            foreach (var obj in _objsRead)
            {
                await EnsureCachedAsync(obj, collect: false, ct).ConfigureAwait(false);
                objsKeys.Add((obj, _describeCache[obj]));
            }

            stream = PrepareStream(name, objsKeys);
        }
        else if (!SameObjects(objs, _objsRead))
        {
            throw new InvalidOperationException(
                $"Mismatched objects read in stream '{name}': expected [{string.Join(", ", objs.Select(o => NameOf(o.Obj)))}], got [{string.Join(", ", _objsRead.Select(NameOf))}].");
        }

        if (_assetDocsCache.Count > 0)
        {
            var indices = PackExternalAssets(_assetDocsCache, name);
            if (indices > 1)
            {
                throw new InvalidOperationException(
                    "A read() produced a stream_datum covering several indices; in read()/save() each stream_datum must cover one index {start: n, stop: n+1}.");
            }
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        var timestamps = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var reading in _readCache)
        {
            foreach (var (key, value) in reading)
            {
                data[key] = value.Value;
                timestamps[key] = value.Timestamp;
            }
        }

        Dictionary<string, object>? filled = null;
        foreach (var (key, dataKey) in stream.Descriptor.DataKeys)
        {
            if (dataKey.IsExternal && !dataKey.IsStream)
            {
                (filled ??= new(StringComparer.Ordinal))[key] = false;
            }
        }

        var ev = Composer.ComposeEvent(stream, data, timestamps, filled);
        Emit(DocumentName.Event, ev);
    }

    public void Drop()
    {
        if (!Bundling)
        {
            throw new IllegalMessageSequence(Commands.Drop, "a 'create' message must open an event bundle before 'drop' can discard it.");
        }

        Bundling = false;
        _bundleName = null;
    }

    public async ValueTask<EventDescriptor> DeclareStreamAsync(Msg msg, CancellationToken ct)
    {
        var name = msg.Kwarg<string>("name");
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("Msg('declare_stream') requires a stream name (kwarg name=...).");
        }

        if (msg.Obj is not null)
        {
            throw new ArgumentException("Msg('declare_stream') takes its objects as arguments; obj must be null.");
        }

        var collect = msg.Kwarg("collect", false);
        var objs = msg.Args.Where(a => a is not null).Cast<object>().ToList();
        var objsKeys = new List<(object, IReadOnlyDictionary<string, DataKey>)>();
        foreach (var obj in objs)
        {
            await EnsureCachedAsync(obj, collect, ct).ConfigureAwait(false);
            objsKeys.Add((obj, collect ? _describeCollectCache[obj] : _describeCache[obj]));
        }

        var key = new ObjectSet(objs);
        if (!_declaredStreamNames.TryGetValue(key, out var names))
        {
            _declaredStreamNames[key] = names = [];
        }

        names.Add(name);
        return PrepareStream(name, objsKeys).Descriptor;
    }

    private async ValueTask DeclareForCollectAsync(ICollectable obj, string name, CancellationToken ct)
    {
        await EnsureCachedAsync(obj, collect: true, ct).ConfigureAwait(false);
        var key = new ObjectSet([obj]);
        if (!_declaredStreamNames.TryGetValue(key, out var names))
        {
            _declaredStreamNames[key] = names = [];
        }

        names.Add(name);
        PrepareStream(name, [(obj, _describeCollectCache[obj])]);
    }

    public async ValueTask MonitorAsync(Msg msg, CancellationToken ct)
    {
        if (msg.Obj is not ISubscribable obj)
        {
            throw new DeviceProtocolException(Commands.Monitor, msg.Obj, typeof(ISubscribable));
        }

        if (msg.Args.Count > 0)
        {
            throw new ArgumentException("The 'monitor' Msg does not accept positional arguments.");
        }

        if (_monitors.ContainsKey(obj))
        {
            throw new IllegalMessageSequence(Commands.Monitor, $"{obj.Name} is already monitored.");
        }

        var name = msg.Kwarg<string>("name") ?? ShortUid("monitor");
        await EnsureCachedAsync(obj, collect: false, ct).ConfigureAwait(false);
        var stream = PrepareStream(name, [(obj, _describeCache[obj])]);

        void EmitEvent(IReadOnlyDictionary<string, Reading> readings)
        {
            var data = new Dictionary<string, object?>(readings.Count, StringComparer.Ordinal);
            var timestamps = new Dictionary<string, double>(readings.Count, StringComparer.Ordinal);
            foreach (var (key, reading) in readings)
            {
                data[key] = reading.Value;
                timestamps[key] = reading.Timestamp;
            }

            // Monitor updates arrive on device threads; composing and emitting is serialized with the run.
            lock (_emitGate)
            {
                if (!RunIsOpen)
                {
                    return;
                }

                _emit(DocumentName.Event, Composer.ComposeEvent(stream, data, timestamps));
            }
        }

        _monitors[obj] = EmitEvent;
        obj.Subscribe(EmitEvent);
    }

    public void Unmonitor(Msg msg)
    {
        if (msg.Obj is not ISubscribable obj)
        {
            throw new DeviceProtocolException(Commands.Unmonitor, msg.Obj, typeof(ISubscribable));
        }

        if (!_monitors.Remove(obj, out var callback))
        {
            throw new IllegalMessageSequence(Commands.Unmonitor, $"cannot unmonitor {obj.Name}: it is not being monitored.");
        }

        obj.ClearSubscription(callback);
        ResetCheckpointState();
    }

    public void RecordInterruption(string content)
    {
        if (_interruptions is null || !RunIsOpen)
        {
            return;
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["interruption"] = content };
        var timestamps = new Dictionary<string, double>(StringComparer.Ordinal) { ["interruption"] = _clock.Now() };
        Emit(DocumentName.Event, Composer.ComposeEvent(_interruptions, data, timestamps));
    }

    /// <summary>Rolls sequence numbers back to the last checkpoint and abandons an open bundle.</summary>
    public void Rewind()
    {
        Counters.Clear();
        foreach (var (key, value) in _sequenceCountersCopy)
        {
            Counters[key] = value;
        }

        foreach (var name in _descriptorObjs.Keys)
        {
            if (!Counters.ContainsKey(name))
            {
                Counters[name] = 1;
                _sequenceCountersCopy[name] = 1;
            }
        }

        if (_interruptions is not null)
        {
            Counters.TryAdd(_interruptions.Name, 1);
        }

        Bundling = false;
    }

    /// <summary>Remembers the current sequence numbers as those to roll back to.</summary>
    public void ResetCheckpointState()
    {
        if (_composer is null)
        {
            return;
        }

        foreach (var (key, value) in Counters)
        {
            _sequenceCountersCopy[key] = value;
        }
    }

    public void ClearCheckpoint() => _sequenceCountersCopy.Clear();

    public void SuspendMonitors()
    {
        foreach (var (obj, callback) in _monitors)
        {
            ((ISubscribable)obj).ClearSubscription(callback);
        }
    }

    public void RestoreMonitors()
    {
        foreach (var (obj, callback) in _monitors)
        {
            ((ISubscribable)obj).Subscribe(callback);
        }
    }

    public void ClearMonitors()
    {
        foreach (var (obj, callback) in _monitors.ToList())
        {
            try
            {
                ((ISubscribable)obj).ClearSubscription(callback);
                _monitors.Remove(obj);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                EngineLog.ClearMonitorFailed(_log, ex, NameOf(obj));
            }
        }
    }

    public void Kickoff(object obj) => _uncollected.Add(obj);

    public async ValueTask ConfigureAsync(object obj, CancellationToken ct)
    {
        await CacheConfigurationAsync(obj, ct).ConfigureAwait(false);

        // Descriptors that include this object are re-emitted with the new configuration.
        foreach (var (name, objs) in _descriptorObjs.ToList())
        {
            if (objs.Any(o => ReferenceEquals(o.Obj, obj)))
            {
                PrepareStream(name, objs);
            }
        }
    }

    public async ValueTask<object?> CollectAsync(Msg msg, CancellationToken ct)
    {
        if (!RunIsOpen)
        {
            throw new IllegalMessageSequence(Commands.Collect, "no run is open.");
        }

        if (msg.Kwarg("stream", false))
        {
            throw new ArgumentException("collect() emits EventPages (stream=false); stream=true is no longer supported.");
        }

        var returnPayload = msg.Kwarg("return_payload", true);
        var objects = new List<ICollectable>();
        foreach (var o in new[] { msg.Obj }.Concat(msg.Args))
        {
            objects.Add(o as ICollectable ?? throw new DeviceProtocolException(Commands.Collect, o, typeof(ICollectable)));
        }

        if (objects.Count > 1 && objects.Any(o => o is not IWritesStreamAssets))
        {
            var bad = objects.First(o => o is not IWritesStreamAssets);
            throw new DeviceProtocolException(Commands.Collect, bad, typeof(IWritesStreamAssets));
        }

        foreach (var o in objects)
        {
            _uncollected.Remove(o);
        }

        var requested = msg.Kwarg<string>("name");
        _declaredStreamNames.TryGetValue(new ObjectSet(objects), out var declared);
        string streamName;
        if (!string.IsNullOrEmpty(requested) && declared is not null && declared.Contains(requested))
        {
            streamName = requested;
        }
        else if (string.IsNullOrEmpty(requested) && declared is { Count: > 0 } && declared.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            streamName = declared[0];
        }
        else if (objects.Count == 1 && (declared is null || !string.IsNullOrEmpty(requested)))
        {
            // A lone flyer collected into an undeclared stream gets one declared for it, named as asked or after
            // the flyer (as bluesky names the streams of old-style flyers), so that bluesky's fly plan just works.
            streamName = string.IsNullOrEmpty(requested) ? objects[0].Name : requested;
            await DeclareForCollectAsync(objects[0], streamName, ct).ConfigureAwait(false);
        }
        else
        {
            throw new IllegalMessageSequence(Commands.Collect,
                declared is { Count: > 0 }
                    ? $"several streams were declared for these objects ({string.Join(", ", declared)}); name one with kwarg name=..."
                    : "collecting several objects together needs their stream declared first: Msg('declare_stream', null, objs..., name=..., collect=true).");
        }

        long? minIndex = null;
        if (objects.Count > 1)
        {
            foreach (var o in objects)
            {
                var index = await ((IWritesStreamAssets)o).GetIndexAsync(ct).ConfigureAwait(false);
                minIndex = minIndex is null ? index : Math.Min(minIndex.Value, index);
            }
        }

        var assetDocs = new List<Document>();
        foreach (var o in objects)
        {
            if (o is IWritesStreamAssets writer)
            {
                await foreach (var doc in writer.CollectStreamDocsAsync(minIndex, ct).ConfigureAwait(false))
                {
                    assetDocs.Add(doc);
                }
            }
            else if (o is IWritesExternalAssets external)
            {
                await foreach (var doc in external.CollectAssetDocsAsync(ct).ConfigureAwait(false))
                {
                    assetDocs.Add(doc);
                }
            }
        }

        var indicesDifference = PackExternalAssets(assetDocs, streamName);
        var stream = _descriptors[streamName];

        if (objects.Count == 1 && objects[0] is not IWritesStreamAssets)
        {
            var payload = new List<object>();
            switch (objects[0])
            {
                case IEventPageCollectable pages:
                    await foreach (var page in pages.CollectPagesAsync(ct).ConfigureAwait(false))
                    {
                        if (returnPayload)
                        {
                            payload.Add(page);
                        }

                        RejectExternalKeys(stream, page.Data.Keys, "event_page");
                        var doc = Composer.ComposeEventPage(
                            stream,
                            page.Data.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
                            page.Timestamps.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal));
                        Emit(DocumentName.EventPage, doc);
                    }

                    break;
                case IEventCollectable events:
                    var collected = new List<Event>();
                    await foreach (var partial in events.CollectAsync(ct).ConfigureAwait(false))
                    {
                        if (returnPayload)
                        {
                            payload.Add(partial);
                        }

                        RejectExternalKeys(stream, partial.Data.Keys, "event");
                        collected.Add(Composer.ComposeEvent(
                            stream,
                            partial.Data.ToDictionary(StringComparer.Ordinal),
                            partial.Timestamps.ToDictionary(StringComparer.Ordinal),
                            partial.Filled?.ToDictionary(StringComparer.Ordinal)));
                    }

                    if (collected.Count > 0)
                    {
                        Emit(DocumentName.EventPage, Callbacks.EventPages.Pack(collected));
                    }

                    break;
                default:
                    Counters[streamName] += (int)indicesDifference;
                    return null;
            }

            return returnPayload ? payload : null;
        }

        Counters[streamName] += (int)indicesDifference;
        return null;
    }

    public async ValueTask BackstopCollectAsync()
    {
        foreach (var obj in _uncollected.ToList())
        {
            try
            {
                await CollectAsync(new Msg(Commands.Collect, obj), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                EngineLog.BackstopCollectFailed(_log, ex, NameOf(obj));
            }
        }
    }

    private static void RejectExternalKeys(ComposedStream stream, IEnumerable<string> keys, string what)
    {
        var external = keys.Where(stream.StreamKeys.Contains).ToList();
        if (external.Count > 0)
        {
            throw new InvalidOperationException($"Received an {what} containing data for external data keys [{string.Join(", ", external)}] in stream '{stream.Name}'.");
        }
    }

    private long PackExternalAssets(List<Document> assetDocs, string streamName)
    {
        long previousDifference = 0;
        var received = new HashSet<string>(StringComparer.Ordinal);
        var stream = _descriptors.GetValueOrDefault(streamName);
        var externalKeys = stream?.StreamKeys ?? new HashSet<string>();
        foreach (var doc in assetDocs)
        {
            switch (doc)
            {
                case Resource resource:
                    resource.RunStartUid = Composer.Start.Uid;
                    break;
                case StreamResource streamResource:
                    streamResource.RunStartUid = Composer.Start.Uid;
                    if (!_streamResourceDataKeys.TryAdd(streamResource.Uid, streamResource.DataKey))
                    {
                        throw new InvalidOperationException($"Received stream_resource with uid {streamResource.Uid} twice.");
                    }

                    if (!externalKeys.Contains(streamResource.DataKey))
                    {
                        throw new InvalidOperationException(
                            $"Received a stream_resource with data_key '{streamResource.DataKey}' that is not among stream '{streamName}''s \"STREAM:\" data keys [{string.Join(", ", externalKeys)}].");
                    }

                    break;
                case StreamDatum datum:
                    if (!string.IsNullOrEmpty(datum.Descriptor))
                    {
                        throw new InvalidOperationException($"Received a stream_datum {datum.Uid} with its descriptor already filled in ('{datum.Descriptor}'); it must be empty.");
                    }

                    if (stream is null)
                    {
                        throw new InvalidOperationException($"No descriptor was made for stream '{streamName}'.");
                    }

                    if (!_streamResourceDataKeys.TryGetValue(datum.StreamResource, out var dataKey))
                    {
                        throw new InvalidOperationException($"Received a stream_datum referring to an unknown stream resource {datum.StreamResource}.");
                    }

                    if (datum.SeqNums.Start != 0 || datum.SeqNums.Stop != 0)
                    {
                        throw new InvalidOperationException($"Received seq_nums {datum.SeqNums} in a stream_datum; devices must leave seq_nums at (0, 0) for the RunEngine to fill in.");
                    }

                    received.Add(dataKey);
                    datum.Descriptor = stream.Descriptor.Uid;
                    var difference = datum.Indices.Length;
                    if (previousDifference != 0 && previousDifference != difference)
                    {
                        throw new InvalidOperationException(
                            $"Received indices {datum.Indices} of width {difference}, unlike the width {previousDifference} of other detectors in the same collect() or save().");
                    }

                    previousDifference = difference;
                    var current = Counters[streamName];
                    datum.SeqNums = new StreamRange(current, current + difference);
                    break;
                case Datum:
                    break;
                default:
                    throw new InvalidOperationException($"Tried to emit an external asset '{doc.Kind.ToWireName()}'; acceptable assets are resource, datum, stream_resource and stream_datum.");
            }

            Emit(doc.Kind, doc);
        }

        if (received.Count > 0 && !received.SetEquals(externalKeys))
        {
            throw new InvalidOperationException(
                $"Received stream_datum for data keys [{string.Join(", ", received)}]; expected one for each of [{string.Join(", ", externalKeys)}].");
        }

        return previousDifference;
    }

    private ComposedStream PrepareStream(string name, List<(object Obj, IReadOnlyDictionary<string, DataKey> Keys)> objsKeys)
    {
        var dataKeys = new Dictionary<string, DataKey>(StringComparer.Ordinal);
        var configuration = new Dictionary<string, DescriptorConfiguration>(StringComparer.Ordinal);
        var objectKeys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var objectClasses = new Dictionary<string, string>(StringComparer.Ordinal);
        var hints = new Dictionary<string, Hints>(StringComparer.Ordinal);
        foreach (var (obj, keys) in objsKeys)
        {
            var objName = NameOf(obj);
            if (obj is IHasHints hinted && hinted.Hints is { } h && (h.Fields is { Count: > 0 } || h.NxClass is not null))
            {
                hints[objName] = h;
            }

            objectKeys[objName] = [.. keys.Keys];
            objectClasses[objName] = obj.GetType().FullName ?? obj.GetType().Name;
            foreach (var (key, dataKey) in keys)
            {
                dataKeys[key] = dataKey with { ObjectName = objName };
            }

            var config = new DescriptorConfiguration();
            if (_configCache.TryGetValue(obj, out var values))
            {
                foreach (var (key, reading) in values)
                {
                    config.Data[key] = reading.Value;
                    config.Timestamps[key] = reading.Timestamp;
                }
            }

            if (_configDescCache.TryGetValue(obj, out var configKeys))
            {
                foreach (var (key, dataKey) in configKeys)
                {
                    config.DataKeys[key] = dataKey;
                }
            }

            configuration[objName] = config;
        }

        var stream = Composer.ComposeDescriptor(name, dataKeys, configuration, hints, objectKeys, objectClasses);
        _descriptors[name] = stream;
        _descriptorObjs[name] = objsKeys;
        _sequenceCountersCopy.TryAdd(name, 1);
        Emit(DocumentName.Descriptor, stream.Descriptor);
        return stream;
    }

    private async ValueTask EnsureCachedAsync(object obj, bool collect, CancellationToken ct)
    {
        if (collect)
        {
            if (!_describeCollectCache.ContainsKey(obj))
            {
                var collectable = obj as ICollectable ?? throw new DeviceProtocolException(Commands.DeclareStream, obj, typeof(ICollectable));
                _describeCollectCache[obj] = await collectable.DescribeCollectAsync(ct).ConfigureAwait(false);
            }
        }
        else if (!_describeCache.ContainsKey(obj))
        {
            var readable = obj as IReadable ?? throw new DeviceProtocolException(Commands.Read, obj, typeof(IReadable));
            _describeCache[obj] = await readable.DescribeAsync(ct).ConfigureAwait(false);
        }

        if (!_configDescCache.ContainsKey(obj))
        {
            await CacheConfigurationAsync(obj, ct).ConfigureAwait(false);
        }
    }

    private async ValueTask CacheConfigurationAsync(object obj, CancellationToken ct)
    {
        if (obj is IConfigurable configurable)
        {
            _configDescCache[obj] = await configurable.DescribeConfigurationAsync(ct).ConfigureAwait(false);
            _configCache[obj] = await configurable.ReadConfigurationAsync(ct).ConfigureAwait(false);
        }
        else
        {
            _configDescCache[obj] = new Dictionary<string, DataKey>();
            _configCache[obj] = new Dictionary<string, Reading>();
        }
    }

    private static bool SameObjects(List<(object Obj, IReadOnlyDictionary<string, DataKey> Keys)> expected, List<object> read)
    {
        if (expected.Count != read.Count)
        {
            return false;
        }

        foreach (var obj in read)
        {
            var found = false;
            foreach (var e in expected)
            {
                if (ReferenceEquals(e.Obj, obj))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private void Emit(DocumentName name, Document doc)
    {
        lock (_emitGate)
        {
            _emit(name, doc);
        }
    }

    private string ShortUid(string label) => $"{label}-{_clock.NewUid()[..6]}";

    internal static string NameOf(object obj) => obj is IHasName named ? named.Name : obj.GetType().Name;
}
