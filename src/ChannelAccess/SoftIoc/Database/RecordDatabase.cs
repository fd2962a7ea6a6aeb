using System.Collections.Concurrent;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.DbFile;
using Hyperion.ChannelAccess.SoftIoc.Links;
using Hyperion.ChannelAccess.SoftIoc.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.ChannelAccess.SoftIoc.Database;

/// <summary>
/// A soft IOC's record database: records loaded from .db files (or added in code), linked to each other, scanned
/// periodically on the injected <see cref="System.TimeProvider"/>, and served as PVs — every field of every record
/// ("rec", "rec.VAL", "rec.EGU", "rec.SEVR", "rec.RTYP", "rec.DESC$"). Load everything, then <see cref="Start"/>
/// (iocInit: links resolve, records initialize, PINI records process, scanning begins).
/// <para>
/// One lock guards all record state, as one big EPICS lock set would. Monitor updates are queued under it and
/// delivered after it is released, in order, so a subscriber may call back into the database.
/// </para>
/// </summary>
public sealed partial class RecordDatabase : IPvProvider, IDisposable
{
    private readonly List<Record> _records = [];
    private readonly Dictionary<string, Record> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Record> _aliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FieldPv> _pvs = new(StringComparer.Ordinal);
    private readonly Dictionary<RecordField, string> _unresolved = [];
    private readonly Dictionary<RecordField, Action<EventMask>> _linkListeners = [];
    private readonly Dictionary<TimeSpan, PeriodicScan> _periodic = [];
    private readonly Queue<Record> _once = new();
    private readonly ILogger _logger;
    private bool _runningOnce;
    private bool _disposed;

    /// <summary>An empty database on <paramref name="timeProvider"/> (the system clock when null).</summary>
    public RecordDatabase(TimeProvider? timeProvider = null, RecordDatabaseOptions? options = null, ILogger<RecordDatabase>? logger = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Options = options ?? new RecordDatabaseOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Dispatcher = new UpdateDispatcher(_logger);
    }

    /// <summary>The clock that time-stamps records and drives scanning and motion.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The settings.</summary>
    public RecordDatabaseOptions Options { get; }

    /// <summary>True once <see cref="Start"/> has run.</summary>
    public bool IsStarted { get; private set; }

    /// <summary>The records, in the order they were added.</summary>
    public IReadOnlyList<Record> Records
    {
        get
        {
            lock (Gate)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>
    /// The database links whose target is not in this database, as "rec.FIELD -> target": EPICS would make them
    /// Channel Access links; here they stay disconnected and reading them raises LINK/INVALID.
    /// </summary>
    public IReadOnlyList<string> UnresolvedLinks
    {
        get
        {
            lock (Gate)
            {
                return [.. _unresolved.Values];
            }
        }
    }

    internal Lock Gate { get; } = new();

    internal UpdateDispatcher Dispatcher { get; }

    /// <summary>Parses a .db file with <paramref name="macros"/> and loads its records.</summary>
    /// <exception cref="DbParseException">The file has an error (file, line and column in the message).</exception>
    public DbDocument LoadFile(string path, MacroTable? macros = null, IEnumerable<string>? includePath = null)
    {
        var document = new DbParser(macros, includePath).ParseFile(path);
        Load(document);
        return document;
    }

    /// <summary>
    /// Loads parsed record definitions: creates the records (a second definition of a record adds to it; type
    /// "*" extends a record defined before), sets their fields, and adds the aliases. Nothing is loaded when any
    /// definition is wrong.
    /// </summary>
    /// <exception cref="DbParseException">An unknown record type or field, a bad value, or a name clash, with its location.</exception>
    /// <exception cref="InvalidOperationException">The database has already started.</exception>
    public void Load(DbDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (Gate)
        {
            EnsureNotStarted();
            var staged = Stage(document);
            foreach (var definition in document.Records)
            {
                var name = definition.Name;
                if (_byName.TryGetValue(name, out var existing))
                {
                    Apply(existing, definition);
                }
                else
                {
                    Add(staged[name]);
                }
            }

            foreach (var alias in document.Records.SelectMany(r => r.Aliases).Concat(document.Aliases))
            {
                _aliases[alias.Alias] = FindRecordLocked(alias.RecordName)!;
            }
        }
    }

    /// <summary>Adds a record of <paramref name="recordType"/> in code; set its fields with <see cref="Record.SetField"/> before starting.</summary>
    /// <exception cref="ArgumentException">Unknown type, or the name is taken.</exception>
    /// <exception cref="InvalidOperationException">The database has already started.</exception>
    public Record AddRecord(string recordType, string name)
    {
        lock (Gate)
        {
            EnsureNotStarted();
            if (FindRecordLocked(name) is not null)
            {
                throw new ArgumentException($"A record or alias called {name} already exists.", nameof(name));
            }

            var record = RecordTypes.Create(recordType, name);
            Add(record);
            return record;
        }
    }

    /// <summary>Adds another name for a record.</summary>
    /// <exception cref="ArgumentException">The record does not exist or the alias is taken.</exception>
    public void AddAlias(string recordName, string alias)
    {
        lock (Gate)
        {
            var record = FindRecordLocked(recordName) ?? throw new ArgumentException($"No record called {recordName}.", nameof(recordName));
            if (FindRecordLocked(alias) is not null)
            {
                throw new ArgumentException($"A record or alias called {alias} already exists.", nameof(alias));
            }

            _aliases[alias] = record;
        }
    }

    /// <summary>The record called <paramref name="name"/> (or with that alias), or null.</summary>
    public Record? FindRecord(string name)
    {
        lock (Gate)
        {
            return FindRecordLocked(name);
        }
    }

    /// <summary>
    /// Starts the database as iocInit does: resolves links, initializes every record (constant links, initial
    /// alarm severity), starts the periodic scans and processes the PINI records in phase order.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already started, or disposed.</exception>
    public void Start()
    {
        lock (Gate)
        {
            EnsureNotStarted();
            foreach (var record in _records)
            {
                foreach (var field in record.Fields.Where(f => f.IsLink))
                {
                    Resolve(field);
                }
            }

            foreach (var record in _records)
            {
                record.InitRecord();
                record.InitAlarm();
                Rescan(record);
            }

            IsStarted = true;
            foreach (var record in _records.Where(r => r.ProcessesAtInit).OrderBy(r => r.Phase))
            {
                record.Process();
            }

            RunOnce();
        }

        Dispatcher.Drain();
        foreach (var link in UnresolvedLinks)
        {
            LogUnresolvedLink(link);
        }
    }

    /// <inheritdoc />
    public IServerPv? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_pvs.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var recordName = dot < 0 ? name : name[..dot];
        var fieldName = dot < 0 ? "VAL" : name[(dot + 1)..];
        var longString = fieldName.EndsWith('$');
        if (longString)
        {
            fieldName = fieldName[..^1];
        }

        var field = FindRecord(recordName)?.FindField(fieldName);
        if (field is null || (longString && field.Type != FieldType.String && !field.IsLink))
        {
            return null;
        }

        return _pvs.GetOrAdd(name, new FieldPv(name, field, longString));
    }

    /// <summary>Processes the records scanned on event <paramref name="eventName"/> (SCAN "Event", EVNT), as post_event does.</summary>
    public void PostEvent(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        Execute(() =>
        {
            foreach (var record in _records.Where(r => r.ScanIndex == 1 && r.EventName == eventName).OrderBy(r => r.Phase))
            {
                record.Process();
            }
        });
    }

    /// <summary>
    /// Processes a record scanned "I/O Intr", as a device's interrupt would (scanIoRequest). Such records also
    /// process when a database input link of theirs sees its source change.
    /// </summary>
    /// <exception cref="ArgumentException">No such record.</exception>
    public void ScanIoRequest(string recordName)
    {
        var record = FindRecord(recordName) ?? throw new ArgumentException($"No record called {recordName}.", nameof(recordName));
        Execute(() =>
        {
            if (record.ScanIndex == 2)
            {
                record.Process();
            }
        });
    }

    /// <summary>Stops scanning and motion; pending puts with completion finish with ECA_PUTFAIL.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var scan in _periodic.Values)
            {
                scan.Dispose();
            }

            _periodic.Clear();
            foreach (var record in _records.OfType<IDisposable>())
            {
                record.Dispose();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> under the lock, then the processing it requested (CP links, reprocessing),
    /// then delivers the monitor updates it caused, outside the lock.
    /// </summary>
    internal void Execute(Action action)
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            action();
            RunOnce();
        }

        Dispatcher.Drain();
    }

    /// <summary>A client write (see <see cref="IServerPv.WriteAsync"/>): completes when the processing it started completes.</summary>
    internal ValueTask<EcaStatus> PutAsync(RecordField field, DbrValue value, CancellationToken cancellationToken)
    {
        EcaStatus status;
        Task<EcaStatus>? completion = null;
        lock (Gate)
        {
            if (_disposed)
            {
                return ValueTask.FromResult(Eca.Putfail);
            }

            status = field.Record.Put(field, value);
            if (status.IsSuccess)
            {
                completion = field.Record.PendingCompletion(field);
            }

            RunOnce();
        }

        Dispatcher.Drain();
        return completion is null ? ValueTask.FromResult(status) : new ValueTask<EcaStatus>(completion.WaitAsync(cancellationToken));
    }

    /// <summary>Queues a record to process once the current operation is done (scanOnce).</summary>
    internal void ScanOnce(Record record) => _once.Enqueue(record);

    /// <summary>Re-resolves a link field whose text a client changed.</summary>
    internal void Relink(RecordField field)
    {
        if (IsStarted)
        {
            Resolve(field);
        }
    }

    /// <summary>Puts a record on the scan list its SCAN field names (after a change of SCAN, or at start).</summary>
    internal void Rescan(Record record)
    {
        foreach (var scan in _periodic.Values)
        {
            scan.Records.Remove(record);
        }

        if (RecordMenus.ScanPeriod(record.ScanIndex) is not { } period || _disposed)
        {
            return;
        }

        if (!_periodic.TryGetValue(period, out var list))
        {
            list = new PeriodicScan(period);
            _periodic.Add(period, list);
            list.Timer = TimeProvider.CreateTimer(_ => Execute(() => ScanPeriod(list)), null, period, period);
        }

        list.Add(record);
    }

    private static void ScanPeriod(PeriodicScan scan)
    {
        foreach (var record in scan.Records.ToArray())
        {
            record.Process();
        }
    }

    private void RunOnce()
    {
        if (_runningOnce)
        {
            return;
        }

        _runningOnce = true;
        try
        {
            var count = 0;
            while (_once.TryDequeue(out var record))
            {
                if (++count > Options.MaxChainedProcessing)
                {
                    LogProcessingLoop(record.Name, Options.MaxChainedProcessing);
                    _once.Clear();
                    break;
                }

                record.Process();
            }
        }
        finally
        {
            _runningOnce = false;
        }
    }

    private void EnsureNotStarted()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsStarted)
        {
            throw new InvalidOperationException("Records can't be added once the database has started.");
        }
    }

    private Record? FindRecordLocked(string name) =>
        _byName.TryGetValue(name, out var record) ? record : _aliases.GetValueOrDefault(name);

    private void Add(Record record)
    {
        record.Attach(this);
        _records.Add(record);
        _byName.Add(record.Name, record);
    }

    // Validates the whole document on fresh records, so that nothing is loaded when anything is wrong; returns the
    // new records, configured.
    private Dictionary<string, Record> Stage(DbDocument document)
    {
        var staged = new Dictionary<string, Record>(StringComparer.Ordinal);
        foreach (var definition in document.Records)
        {
            var existing = staged.GetValueOrDefault(definition.Name) ?? _byName.GetValueOrDefault(definition.Name);
            if (_aliases.TryGetValue(definition.Name, out var aliased))
            {
                throw new DbParseException(definition.NameLocation, $"\"{definition.Name}\" is already an alias of record \"{aliased.Name}\".");
            }

            Record scratch;
            if (definition.RecordType == "*")
            {
                scratch = existing ?? throw new DbParseException(definition.NameLocation, $"Record \"{definition.Name}\" not found (record type \"*\" adds to a record defined before).");
            }
            else if (existing is not null)
            {
                if (existing.RecordType != definition.RecordType)
                {
                    throw new DbParseException(definition.TypeLocation, $"Record \"{definition.Name}\" of type \"{existing.RecordType}\" redefined with new type \"{definition.RecordType}\".");
                }

                scratch = existing;
            }
            else
            {
                scratch = RecordTypes.TryCreate(definition.RecordType, definition.Name)
                    ?? throw new DbParseException(definition.TypeLocation, $"Record \"{definition.Name}\" is of unknown type \"{definition.RecordType}\" (known types: {string.Join(", ", RecordTypes.Names)}).");
            }

            // Records already in the database are validated on a copy: they change only once all is well.
            var target = _byName.TryGetValue(definition.Name, out var live) && ReferenceEquals(scratch, live)
                ? RecordTypes.Create(live.RecordType, live.Name)
                : scratch;
            Apply(target, definition);
            if (!_byName.ContainsKey(definition.Name))
            {
                staged[definition.Name] = scratch;
            }
        }

        // An alias may name a record or an alias defined before it (as dbFindRecord finds either).
        var names = new HashSet<string>(_aliases.Keys, StringComparer.Ordinal);
        foreach (var alias in document.Records.SelectMany(r => r.Aliases).Concat(document.Aliases))
        {
            if (!staged.ContainsKey(alias.RecordName) && !_byName.ContainsKey(alias.RecordName) && !names.Contains(alias.RecordName))
            {
                throw new DbParseException(alias.Location, $"Alias \"{alias.Alias}\" refers to unknown record \"{alias.RecordName}\".");
            }

            if (staged.ContainsKey(alias.Alias) || _byName.ContainsKey(alias.Alias) || !names.Add(alias.Alias))
            {
                throw new DbParseException(alias.Location, $"Can't create alias \"{alias.Alias}\" for \"{alias.RecordName}\": the name is already in use.");
            }
        }

        return staged;
    }

    private static void Apply(Record record, DbRecordDefinition definition)
    {
        foreach (var field in definition.Fields)
        {
            if (record.FindField(field.Name) is null)
            {
                throw new DbParseException(field.Location, $"{record.RecordType} record \"{record.Name}\" has no field \"{field.Name}\"{record.Suggestion(field.Name)}.");
            }

            try
            {
                record.SetField(field.Name, field.Value);
            }
            catch (RecordFieldException e)
            {
                var location = e.Column is { } column ? field.ValueLocation.Advance(column - 1) : field.ValueLocation;
                throw new DbParseException(location, $"Can't set \"{record.Name}.{field.Name}\" to \"{field.Value}\": {e.Reason}", e);
            }
        }
    }

    // Finds a database link's target; an input link also watches it (CP, CPP, and I/O Intr records).
    private void Resolve(RecordField link)
    {
        _unresolved.Remove(link);
        if (_linkListeners.Remove(link, out var old) && link.LinkTarget is { } previous)
        {
            previous.RemoveListener(old);
        }

        link.LinkTarget = null;
        if (link.Link is not { Kind: LinkKind.Database } definition)
        {
            return;
        }

        var target = FindRecordLocked(definition.RecordName)?.FindField(definition.FieldName);
        if (target is null)
        {
            _unresolved[link] = $"{link.Record.Name}.{link.Name} -> {definition.Text}";
            return;
        }

        link.LinkTarget = target;
        if (link.Type != FieldType.InLink)
        {
            return;
        }

        var record = link.Record;
        void Listener(EventMask events)
        {
            if ((events & (EventMask.Value | EventMask.Alarm)) == 0)
            {
                return;
            }

            if (definition.Process == LinkProcess.ChannelProcess
                || (definition.Process == LinkProcess.ChannelProcessPassive && record.IsPassive)
                || record.ScanIndex == 2)
            {
                ScanOnce(record);
            }
        }

        target.AddListener(Listener);
        _linkListeners[link] = Listener;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link {Link} has no target in this database; it stays disconnected")]
    private partial void LogUnresolvedLink(string link);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing chain from {Record} exceeded {Limit} records (a CP link cycle?); the rest was dropped")]
    private partial void LogProcessingLoop(string record, int limit);
}
