using System.Text;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.Links;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// An EPICS record: the fields every record has (dbCommon: NAME, DESC, SCAN, PINI, PHAS, EVNT, DTYP, DISV/DISA/
/// SDIS, PROC, STAT/SEVR, UDF/UDFS, FLNK, ...) and the machinery record support uses: processing with the
/// active (PACT) and disable checks, alarm accumulation (recGblSetSevr) and reset (recGblResetAlarms), monitor
/// deadbands, reading and writing links, forward links, and the metadata a client reads with each field
/// (units, precision, limits, enum strings). A record type derives from this, declares its fields and
/// implements <see cref="ProcessRecord"/>. All state changes happen under the database's lock.
/// </summary>
public abstract class Record
{
    private const int MaxEnumStates = 16;

    private readonly List<RecordField> _fieldList = [];
    private readonly Dictionary<string, RecordField> _fields = new(StringComparer.Ordinal);
    private readonly RecordField _scan;
    private readonly RecordField _pini;
    private readonly RecordField _phas;
    private readonly RecordField _evnt;
    private readonly RecordField _disv;
    private readonly RecordField _disa;
    private readonly RecordField _sdis;
    private readonly RecordField _disp;
    private readonly RecordField _proc;
    private readonly RecordField _stat;
    private readonly RecordField _sevr;
    private readonly RecordField _nsta;
    private readonly RecordField _nsev;
    private readonly RecordField _acks;
    private readonly RecordField _ackt;
    private readonly RecordField _diss;
    private readonly RecordField _pact;
    private readonly RecordField _putf;
    private readonly RecordField _rpro;
    private readonly RecordField _udf;
    private readonly RecordField _udfs;
    private readonly RecordField _flnk;
    private readonly RecordField _rtyp;

    /// <summary>Creates a record with the common fields; <paramref name="devices"/> are the DTYP choices.</summary>
    protected Record(string name, RecordMenu devices)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        AddField("NAME", FieldType.String, FieldFlags.ReadOnly | FieldFlags.NotConfigurable, size: 61).SetText(name);
        AddField("DESC", FieldType.String, size: 41);
        AddField("ASG", FieldType.String, size: 29);
        _scan = AddField("SCAN", FieldType.Menu, menu: RecordMenus.Scan);
        _pini = AddField("PINI", FieldType.Menu, menu: RecordMenus.Pini);
        _phas = AddField("PHAS", FieldType.Short);
        _evnt = AddField("EVNT", FieldType.String, size: 40);
        AddField("TSE", FieldType.Short);
        AddField("TSEL", FieldType.InLink);
        AddField("DTYP", FieldType.Device, menu: devices);
        _disv = AddField("DISV", FieldType.Short, initial: 1);
        _disa = AddField("DISA", FieldType.Short);
        _sdis = AddField("SDIS", FieldType.InLink);
        _disp = AddField("DISP", FieldType.UChar);
        _proc = AddField("PROC", FieldType.UChar, FieldFlags.ProcessPassive);
        _stat = AddField("STAT", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.AlarmStat, initial: (double)AlarmStatus.Udf);
        _sevr = AddField("SEVR", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.AlarmSevr);
        AddField("AMSG", FieldType.String, FieldFlags.ReadOnly, size: 40);
        _nsta = AddField("NSTA", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.AlarmStat);
        _nsev = AddField("NSEV", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.AlarmSevr);
        _acks = AddField("ACKS", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.AlarmSevr);
        _ackt = AddField("ACKT", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.YesNo, initial: 1);
        _diss = AddField("DISS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("LCNT", FieldType.UChar, FieldFlags.ReadOnly);
        _pact = AddField("PACT", FieldType.UChar, FieldFlags.ReadOnly);
        _putf = AddField("PUTF", FieldType.UChar, FieldFlags.ReadOnly);
        _rpro = AddField("RPRO", FieldType.UChar, FieldFlags.ReadOnly);
        AddField("PRIO", FieldType.Menu, menu: RecordMenus.Priority);
        AddField("TPRO", FieldType.UChar);
        _udf = AddField("UDF", FieldType.UChar, FieldFlags.ProcessPassive, initial: 1);
        _udfs = AddField("UDFS", FieldType.Menu, menu: RecordMenus.AlarmSevr, initial: (double)AlarmSeverity.Invalid);
        _flnk = AddField("FLNK", FieldType.FwdLink);
        _rtyp = new RecordField(this, "RTYP", FieldType.String, FieldFlags.ReadOnly | FieldFlags.NotConfigurable, 40, null);
    }

    /// <summary>The record name.</summary>
    public string Name { get; }

    /// <summary>The record type's name ("ai", "motor", ...).</summary>
    public abstract string RecordType { get; }

    /// <summary>The value field (VAL).</summary>
    public abstract RecordField ValueField { get; }

    /// <summary>The database the record belongs to, once added.</summary>
    public RecordDatabase? Database { get; private set; }

    /// <summary>Every field, in definition order (dbCommon's first).</summary>
    public IReadOnlyList<RecordField> Fields => _fieldList;

    /// <summary>The current alarm status (STAT).</summary>
    public AlarmStatus Status => (AlarmStatus)_stat.Number;

    /// <summary>The current alarm severity (SEVR).</summary>
    public AlarmSeverity Severity => (AlarmSeverity)_sevr.Number;

    /// <summary>True while the value is undefined (UDF).</summary>
    public bool IsUndefined => _udf.Number != 0;

    /// <summary>When the record last processed (TIME).</summary>
    public EpicsTimestamp Timestamp { get; private set; }

    /// <summary>The SCAN choice (0 Passive, 1 Event, 2 I/O Intr, 3 to 9 the periods).</summary>
    public int ScanIndex => (int)_scan.Number;

    /// <summary>True when the record's SCAN is Passive.</summary>
    public bool IsPassive => _scan.Number == 0;

    /// <summary>True while record support is processing (PACT).</summary>
    public bool IsActive => _pact.Number != 0;

    /// <summary>The scan phase (PHAS): lower phases process first within a scan period or at initialization.</summary>
    public int Phase => (int)_phas.Number;

    /// <summary>The event name of a record scanned on events (EVNT).</summary>
    public string EventName => _evnt.Text;

    /// <summary>True when the record processes at initialization (PINI YES or RUN).</summary>
    public bool ProcessesAtInit => _pini.Number is 1 or 2;

    /// <summary>The record's fields by name (RTYP included), or null.</summary>
    public RecordField? FindField(string name)
    {
        if (_fields.TryGetValue(name, out var field))
        {
            return field;
        }

        return name == "RTYP" ? _rtyp : null;
    }

    /// <summary>The field called <paramref name="name"/>.</summary>
    /// <exception cref="RecordFieldException">There is no such field.</exception>
    public RecordField GetField(string name) =>
        FindField(name) ?? throw new RecordFieldException(Name, name, $"A {RecordType} record has no field {name}{Suggestion(name)}.");

    /// <summary>
    /// Sets a field from database-file text, as a field(NAME, "value") line does (before the database starts).
    /// Setting VAL clears UDF.
    /// </summary>
    /// <exception cref="RecordFieldException">No such field, a field that can't be set, or a value it can't hold.</exception>
    public void SetField(string fieldName, string value)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(value);
        var field = GetField(fieldName);
        if (field.IsArray)
        {
            throw new RecordFieldException(Name, fieldName, $"The array field {fieldName} can't be set in a database file; give initial values as a constant array input link, e.g. field(INP, \"[1, 2, 3]\").");
        }

        if ((field.Flags & FieldFlags.NotConfigurable) != 0)
        {
            throw new RecordFieldException(Name, fieldName, $"The {fieldName} field can't be set.");
        }

        field.Configure(value);
        if (field.Link is { Kind: LinkKind.Hardware } && !AcceptsHardwareLinks)
        {
            throw new RecordFieldException(Name, fieldName, $"\"{value}\" is a hardware address, which needs device support; this {RecordType} record has only Soft Channel support (give a constant or a PV name).");
        }

        ValidateConfigured(field);
        if ((field.Flags & FieldFlags.Value) != 0)
        {
            _udf.SetNumber(0);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{RecordType} {Name}";

    /// <summary>True when link fields may hold hardware addresses ("@...", "#C0 S0"): only for simulated device support.</summary>
    protected virtual bool AcceptsHardwareLinks => false;

    /// <summary>Record support's process(): read or compute, check alarms, post monitors, forward link.</summary>
    protected abstract void ProcessRecord();

    /// <summary>Record support's init_record() (links are resolved by then): constant links, initial state.</summary>
    protected internal virtual void InitRecord()
    {
    }

    /// <summary>Validates a field set from a database file (e.g. compiles a CALC expression).</summary>
    /// <exception cref="RecordFieldException">The value is not acceptable.</exception>
    protected virtual void ValidateConfigured(RecordField field)
    {
    }

    /// <summary>Record support's special() before a client write; false refuses the write.</summary>
    protected internal virtual bool SpecialBefore(RecordField field) => true;

    /// <summary>Record support's special() after a client write; false reports the write as failed.</summary>
    protected internal virtual bool SpecialAfter(RecordField field) => true;

    /// <summary>Record support's put_array_info(): an array field received <paramref name="count"/> elements.</summary>
    protected internal virtual void ArrayWritten(RecordField field, int count)
    {
    }

    /// <summary>
    /// For a put with completion: a task that finishes when the processing started by the write has finished
    /// (a motor's move), or null when it already has.
    /// </summary>
    protected internal virtual Task<EcaStatus>? PendingCompletion(RecordField field) => null;

    /// <summary>The engineering units served with <paramref name="field"/> (get_units).</summary>
    protected internal virtual string GetUnits(RecordField field) => string.Empty;

    /// <summary>The display precision served with <paramref name="field"/> (get_precision).</summary>
    protected internal virtual short GetPrecision(RecordField field) => 0;

    /// <summary>The display limits (upper, lower) of <paramref name="field"/> (get_graphic_double); null serves zeros.</summary>
    protected internal virtual (double Upper, double Lower)? GetGraphicLimits(RecordField field) => null;

    /// <summary>The control limits (upper, lower) of <paramref name="field"/> (get_control_double); null serves zeros.</summary>
    protected internal virtual (double Upper, double Lower)? GetControlLimits(RecordField field) => null;

    /// <summary>The alarm limits of <paramref name="field"/> (get_alarm_double); null serves zeros.</summary>
    protected internal virtual (double HiHi, double High, double Low, double LoLo)? GetAlarmLimits(RecordField field) => null;

    /// <summary>The state strings of an enum field (get_enum_strs); menus serve their choices.</summary>
    protected internal virtual IReadOnlyList<string> GetEnumStrings(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Menu is { } menu ? [.. menu.Choices.Take(MaxEnumStates)] : [];
    }

    /// <summary>Declares a field.</summary>
    protected RecordField AddField(string name, FieldType type, FieldFlags flags = FieldFlags.None, int size = 0, RecordMenu? menu = null, double initial = 0)
    {
        if ((type is FieldType.Menu or FieldType.Device) && menu is null)
        {
            throw new ArgumentException($"Menu field {name} needs a menu.", nameof(menu));
        }

        var field = new RecordField(this, name, type, flags, type == FieldType.String && size == 0 ? 40 : size, menu);
        if (initial != 0)
        {
            field.SetNumber(initial);
        }

        _fieldList.Add(field);
        _fields.Add(name, field);
        return field;
    }

    /// <summary>Declares a string field with an initial value.</summary>
    protected RecordField AddString(string name, int size, string initial, FieldFlags flags = FieldFlags.None)
    {
        var field = AddField(name, FieldType.String, flags, size);
        field.SetText(initial);
        return field;
    }

    /// <summary>
    /// Declares the limit-alarm fields of an analog record: HIHI, LOLO, HIGH, LOW (of <paramref name="levelType"/>),
    /// their severities HHSV, LLSV, HSV, LSV, HYST and LALM.
    /// </summary>
    protected LimitAlarmFields AddLimitAlarms(FieldType levelType, FieldFlags severityFlags = FieldFlags.ProcessPassive | FieldFlags.Property)
    {
        var levels = FieldFlags.ProcessPassive | FieldFlags.Property;
        var hihi = AddField("HIHI", levelType, levels);
        var lolo = AddField("LOLO", levelType, levels);
        var high = AddField("HIGH", levelType, levels);
        var low = AddField("LOW", levelType, levels);
        var hhsv = AddField("HHSV", FieldType.Menu, severityFlags, menu: RecordMenus.AlarmSevr);
        var llsv = AddField("LLSV", FieldType.Menu, severityFlags, menu: RecordMenus.AlarmSevr);
        var hsv = AddField("HSV", FieldType.Menu, severityFlags, menu: RecordMenus.AlarmSevr);
        var lsv = AddField("LSV", FieldType.Menu, severityFlags, menu: RecordMenus.AlarmSevr);
        var hyst = AddField("HYST", levelType);
        var lalm = AddField("LALM", levelType, FieldFlags.ReadOnly);
        return new LimitAlarmFields(hihi, high, low, lolo, hhsv, hsv, lsv, llsv, hyst, lalm);
    }

    /// <summary>The severity raised so far by the current processing (NSEV).</summary>
    protected AlarmSeverity PendingSeverity => (AlarmSeverity)_nsev.Number;

    /// <summary>Sets UDF.</summary>
    protected void SetUndefined(bool undefined) => _udf.SetNumber(undefined ? 1 : 0);

    /// <summary>The UDF alarm severity (UDFS).</summary>
    protected AlarmSeverity UndefinedSeverity => (AlarmSeverity)_udfs.Number;

    /// <summary>Sets the time stamp to now (recGblGetTimeStamp).</summary>
    protected void StampTime()
    {
        if (Database is { } database)
        {
            Timestamp = EpicsTimestamp.From(database.TimeProvider.GetUtcNow());
        }
    }

    /// <summary>
    /// Raises the pending alarm to <paramref name="severity"/> with <paramref name="status"/> if that is more severe
    /// than what this processing has raised so far (recGblSetSevr); true when it was.
    /// </summary>
    protected bool SetSeverity(AlarmStatus status, AlarmSeverity severity)
    {
        if (_nsev.Number < (double)severity)
        {
            _nsta.SetNumber((double)status);
            _nsev.SetNumber((double)severity);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Makes the pending alarm current (recGblResetAlarms): posts SEVR and STAT when they change, and returns
    /// <see cref="EventMask.Alarm"/> for the value field when either did.
    /// </summary>
    protected EventMask ResetAlarms()
    {
        var previousStatus = _stat.Number;
        var previousSeverity = _sevr.Number;
        var newStatus = _nsta.Number;
        var newSeverity = Math.Min(_nsev.Number, (double)AlarmSeverity.Invalid);
        _stat.SetNumber(newStatus);
        _sevr.SetNumber(newSeverity);
        _nsta.SetNumber(0);
        _nsev.SetNumber(0);
        var statusEvents = EventMask.None;
        if (previousSeverity != newSeverity)
        {
            statusEvents = EventMask.Alarm;
            Post(_sevr, EventMask.Value);
        }

        if (previousStatus != newStatus)
        {
            statusEvents |= EventMask.Value;
        }

        if (statusEvents == EventMask.None)
        {
            return EventMask.None;
        }

        Post(_stat, statusEvents);
        if (_ackt.Number == 0 || newSeverity >= _acks.Number)
        {
            _acks.SetNumber(newSeverity);
            Post(_acks, EventMask.Value);
        }

        return EventMask.Alarm;
    }

    /// <summary>Propagates another record's alarm through a link with severity mode <paramref name="mode"/> (recGblInheritSevr).</summary>
    protected void InheritSeverity(LinkSeverity mode, AlarmStatus status, AlarmSeverity severity)
    {
        switch (mode)
        {
            case LinkSeverity.MaximizeIfInvalid when severity >= AlarmSeverity.Invalid:
            case LinkSeverity.Maximize:
                SetSeverity(AlarmStatus.Link, severity);
                break;
            case LinkSeverity.MaximizeStatus:
                SetSeverity(status, severity);
                break;
        }
    }

    /// <summary>
    /// recGblCheckDeadband: adds <paramref name="add"/> to <paramref name="events"/> and remembers the value when it
    /// moved more than <paramref name="deadband"/> from the last one reported (NaN and infinities always count).
    /// </summary>
    protected static void CheckDeadband(RecordField last, double value, double deadband, ref EventMask events, EventMask add)
    {
        ArgumentNullException.ThrowIfNull(last);
        var previous = last.Number;
        double delta = 0;
        if (double.IsFinite(value) && double.IsFinite(previous))
        {
            delta = Math.Abs(previous - value);
        }
        else if (double.IsNaN(value) != double.IsNaN(previous) || double.IsInfinity(value) != double.IsInfinity(previous)
                 || (double.IsInfinity(value) && value != previous))
        {
            delta = double.PositiveInfinity;
        }

        if (delta > deadband)
        {
            events |= add;
            last.SetNumber(value);
        }
    }

    /// <summary>
    /// Checks an analog value against HIHI/HIGH/LOW/LOLO with their severities and hysteresis, as ai's
    /// checkAlarms does: a limit that raised the alarm (remembered in LALM) keeps it
    /// until the value is HYST back inside; a value out of alarm resets LALM to itself.
    /// </summary>
    protected void CheckLimitAlarms(double value, LimitAlarmFields limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, UndefinedSeverity);
            return;
        }

        var hyst = limits.Hyst.Number;
        var lalm = limits.LastAlarm.Number;
        bool Above(RecordField level) => value >= level.Number || (lalm == level.Number && value >= level.Number - hyst);
        bool Below(RecordField level) => value <= level.Number || (lalm == level.Number && value <= level.Number + hyst);

        (AlarmStatus Status, RecordField Level, RecordField Severity)? alarm =
            limits.HiHiSeverity.Number != 0 && Above(limits.HiHi) ? (AlarmStatus.HiHi, limits.HiHi, limits.HiHiSeverity)
            : limits.LoLoSeverity.Number != 0 && Below(limits.LoLo) ? (AlarmStatus.LoLo, limits.LoLo, limits.LoLoSeverity)
            : limits.HighSeverity.Number != 0 && Above(limits.High) ? (AlarmStatus.High, limits.High, limits.HighSeverity)
            : limits.LowSeverity.Number != 0 && Below(limits.Low) ? (AlarmStatus.Low, limits.Low, limits.LowSeverity)
            : null;
        if (alarm is { } a)
        {
            if (SetSeverity(a.Status, (AlarmSeverity)a.Severity.Number))
            {
                limits.LastAlarm.SetNumber(a.Level.Number);
            }
        }
        else
        {
            limits.LastAlarm.SetNumber(value);
        }
    }

    /// <summary>Reports a change of <paramref name="field"/> to its monitors (db_post_events).</summary>
    protected static void Post(RecordField field, EventMask events)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Post(events);
    }

    /// <summary>Posts a property change to every monitored field of the record (db_post_events(rec, NULL, DBE_PROPERTY)).</summary>
    protected void PostProperty()
    {
        foreach (var field in _fieldList)
        {
            if (field.HasSubscribers)
            {
                field.Post(EventMask.Property);
            }
        }
    }

    /// <summary>
    /// Processes the forward link's target if it is Passive, then handles a reprocess request (recGblFwdLink).
    /// </summary>
    protected void ForwardLink()
    {
        if (_flnk.LinkTarget is { } target && target.Record.IsPassive)
        {
            target.Record.Process();
        }

        _putf.SetNumber(0);
        if (_rpro.Number != 0)
        {
            _rpro.SetNumber(0);
            Database?.ScanOnce(this);
        }
    }

    /// <summary>True when <paramref name="link"/> is a database link (not empty, constant or hardware).</summary>
    protected static bool IsDatabaseLink(RecordField link) => link?.Link?.Kind == LinkKind.Database;

    /// <summary>
    /// Loads a constant input link into <paramref name="target"/> (recGblInitConstantLink); true when the link
    /// was a constant with a value.
    /// </summary>
    protected static bool LoadConstantLink(RecordField link, RecordField target)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(target);
        if (link.Link is not { Kind: LinkKind.Constant } constant || constant.ConstantValues.Count == 0)
        {
            return false;
        }

        if (target.IsArray)
        {
            var value = DbrValue.Of([.. constant.ConstantValues]);
            if (target.Assign(value) is not null)
            {
                return false;
            }

            target.Record.ArrayWritten(target, Math.Min(constant.ConstantValues.Count, target.Capacity));
            return true;
        }

        if (target.Type == FieldType.String)
        {
            target.SetText(constant.ConstantValues[0]);
            return true;
        }

        if (!FieldValues.TryParseDouble(constant.ConstantValues[0], out var number))
        {
            return false;
        }

        target.SetNumber(number);
        return true;
    }

    /// <summary>
    /// Reads an input link (dbGetLink): processes a PP target that is Passive, takes its alarm as the link's
    /// severity mode says, and gives the source field; a link that is not connected raises LINK/INVALID.
    /// </summary>
    protected RecordField? ReadLink(RecordField link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Link is not { Kind: LinkKind.Database } definition)
        {
            return null;
        }

        if (link.LinkTarget is not { } source)
        {
            SetSeverity(AlarmStatus.Link, AlarmSeverity.Invalid);
            return null;
        }

        var other = source.Record;
        if (definition.Process == LinkProcess.ProcessPassive && other.IsPassive && other != this)
        {
            other.Process();
        }

        if (other != this)
        {
            InheritSeverity(definition.Severity, other.Status, other.Severity);
        }

        return source;
    }

    /// <summary>Reads an input link as a number; false (and LINK/INVALID) when it can't be read.</summary>
    protected bool TryReadLink(RecordField link, out double value)
    {
        value = 0;
        if (ReadLink(link) is not { } source)
        {
            return false;
        }

        if (source.Type == FieldType.String || source.IsLink)
        {
            if (FieldValues.TryParseDouble(source.Text, out value) || source.Text.Trim().Length == 0)
            {
                return true;
            }

            SetSeverity(AlarmStatus.Link, AlarmSeverity.Invalid);
            return false;
        }

        value = source.IsArray ? (source.Length > 0 ? System.Convert.ToDouble(source.ArrayStorage.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) : 0) : source.Number;
        return true;
    }

    /// <summary>Reads an input link as text (numbers as the source formats them); false when it can't be read.</summary>
    protected bool TryReadLink(RecordField link, out string value)
    {
        value = string.Empty;
        if (ReadLink(link) is not { } source)
        {
            return false;
        }

        value = source.Type is FieldType.String or FieldType.InLink or FieldType.OutLink or FieldType.FwdLink
            ? source.Text
            : source.Record.Snapshot(source, longString: false).GetString(0);
        return true;
    }

    /// <summary>Reads an input link as the whole value of its source (arrays included); null when it can't be read.</summary>
    protected DbrValue? ReadLinkValue(RecordField link) =>
        ReadLink(link) is { } source ? source.Record.Snapshot(source, longString: false) : null;

    /// <summary>
    /// Writes an output link (dbPutLink): stores the value in the target field as a client write would, processes
    /// a PP (or PROC) target that is Passive, and passes this record's pending alarm on as the severity mode says.
    /// Constant and empty links write nothing; a link that is not connected raises LINK/INVALID.
    /// </summary>
    protected bool WriteLink(RecordField link, DbrValue value)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(value);
        if (link.Link is not { Kind: LinkKind.Database } definition)
        {
            return true;
        }

        if (link.LinkTarget is not { } target)
        {
            SetSeverity(AlarmStatus.Link, AlarmSeverity.Invalid);
            return false;
        }

        var other = target.Record;
        if (other.Store(target, value) is not null)
        {
            SetSeverity(AlarmStatus.Link, AlarmSeverity.Invalid);
            return false;
        }

        other.InheritSeverity(definition.Severity, (AlarmStatus)_nsta.Number, (AlarmSeverity)_nsev.Number);
        if ((definition.Process == LinkProcess.ProcessPassive || target == other._proc) && other.IsPassive && other != this)
        {
            other.Process();
        }

        return true;
    }

    /// <summary>
    /// Raised after each processing of the record, under the database's lock: how a simulation notices a PROC or a
    /// setpoint. Handlers must only queue work (and write PVs later, outside the handler).
    /// </summary>
    public event Action<Record>? Processed;

    /// <summary>
    /// Processes the record (dbProcess): nothing while it is already active; when disabled (DISA = DISV, DISA read
    /// through SDIS) raises DISABLE with severity DISS instead; otherwise runs record support.
    /// </summary>
    internal void Process()
    {
        if (IsActive)
        {
            return;
        }

        if (IsDatabaseLink(_sdis) && TryReadLink(_sdis, out double disable))
        {
            _disa.SetNumber(disable);
        }

        if (_disa.Number == _disv.Number)
        {
            _rpro.SetNumber(0);
            _putf.SetNumber(0);
            if (Status == AlarmStatus.Disable)
            {
                return;
            }

            _sevr.SetNumber(_diss.Number);
            _stat.SetNumber((double)AlarmStatus.Disable);
            _nsev.SetNumber(0);
            _nsta.SetNumber(0);
            Post(_stat, EventMask.Value);
            Post(_sevr, EventMask.Value);
            Post(ValueField, EventMask.Value | EventMask.Alarm);
            return;
        }

        _pact.SetNumber(1);
        try
        {
            ProcessRecord();
        }
        finally
        {
            _pact.SetNumber(0);
        }

        Processed?.Invoke(this);
    }

    /// <summary>Attaches the record to its database (once).</summary>
    internal void Attach(RecordDatabase database)
    {
        if (Database is not null && Database != database)
        {
            throw new InvalidOperationException($"Record {Name} already belongs to another database.");
        }

        Database = database;
        _rtyp.SetText(RecordType);
    }

    /// <summary>iocInit's initial severity: an undefined record whose status is still UDF starts with severity UDFS.</summary>
    internal void InitAlarm()
    {
        if (IsUndefined && Status == AlarmStatus.Udf)
        {
            _sevr.SetNumber(_udfs.Number);
        }
    }

    /// <summary>
    /// A client write to <paramref name="field"/> (dbPutField): stores it, posts it, and processes the record when
    /// the field is PROC or a pp field of a Passive record (or asks for reprocessing when the record is active).
    /// </summary>
    internal EcaStatus Put(RecordField field, DbrValue value)
    {
        if (_disp.Number != 0 && field != _disp)
        {
            return Eca.Putfail;
        }

        if (Store(field, value) is not null)
        {
            return Eca.Putfail;
        }

        if (field == _proc || (field.ProcessesPassive && IsPassive))
        {
            if (IsActive)
            {
                _rpro.SetNumber(1);
            }
            else
            {
                _putf.SetNumber(1);
                Process();
            }
        }

        return Eca.Normal;
    }

    /// <summary>
    /// Stores a value in a field as dbPut does: special() before and after, conversion, UDF cleared by a value
    /// field, and the field's monitors posted (unless it is a pp value field: processing posts it). Null on
    /// success, otherwise why not.
    /// </summary>
    internal string? Store(RecordField field, DbrValue value)
    {
        if (!SpecialBefore(field))
        {
            return $"{Name}.{field.Name} refused the write.";
        }

        if (field.IsLink)
        {
            var error = field.Assign(value);
            if (error is not null)
            {
                return error;
            }

            Database?.Relink(field);
        }
        else
        {
            var error = field.Assign(value);
            if (error is not null)
            {
                return error;
            }

            if (field.IsArray)
            {
                ArrayWritten(field, Math.Min(value.Count, field.Capacity));
            }
        }

        if (!SpecialAfter(field))
        {
            return $"{Name}.{field.Name} rejected the value.";
        }

        var isValue = (field.Flags & FieldFlags.Value) != 0;
        if (isValue)
        {
            _udf.SetNumber(0);
        }

        if (!(isValue && field.ProcessesPassive))
        {
            Post(field, EventMask.Value | EventMask.Log);
        }

        if (field.IsProperty)
        {
            PostProperty();
        }

        if (field == _scan && Database is { } database)
        {
            database.Rescan(this);
        }

        return null;
    }

    /// <summary>The field's value with the record's alarm, time stamp and the field's metadata.</summary>
    internal DbrValue Snapshot(RecordField field, bool longString)
    {
        var limits = DbrLimits.None;
        var graphic = GetGraphicLimits(field);
        var control = GetControlLimits(field);
        var alarm = GetAlarmLimits(field);
        if (graphic is not null || control is not null || alarm is not null)
        {
            limits = new DbrLimits
            {
                UpperDisplay = graphic?.Upper ?? 0,
                LowerDisplay = graphic?.Lower ?? 0,
                UpperControl = control?.Upper ?? 0,
                LowerControl = control?.Lower ?? 0,
                UpperAlarm = alarm?.HiHi ?? 0,
                UpperWarning = alarm?.High ?? 0,
                LowerWarning = alarm?.Low ?? 0,
                LowerAlarm = alarm?.LoLo ?? 0,
            };
        }

        Array values;
        DbrType type;
        if (longString)
        {
            var bytes = Encoding.UTF8.GetBytes(field.Type == FieldType.String || field.IsLink ? field.Text : field.FormatValue());
            values = (byte[])[.. bytes, 0];
            type = DbrType.Char;
        }
        else
        {
            values = field.Elements();
            type = field.NativeType;
        }

        return new DbrValue(type, values)
        {
            Status = Status,
            Severity = Severity,
            Timestamp = Timestamp,
            Units = GetUnits(field),
            Precision = GetPrecision(field),
            Limits = limits,
            EnumStrings = type == DbrType.Enum ? GetEnumStrings(field) : [],
            AckTransient = (ushort)_ackt.Number,
            AckSeverity = (ushort)_acks.Number,
        };
    }

    /// <summary>The text held in a DBR_CHAR array (up to the first NUL), as a long-string write gives it.</summary>
    internal static string TextOfChars(DbrValue value)
    {
        if (value.ValueType != DbrType.Char)
        {
            return value.Count > 0 ? value.GetString(0) : string.Empty;
        }

        var bytes = (byte[])value.Values;
        var end = Array.IndexOf(bytes, (byte)0);
        return Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end);
    }

    /// <summary>recGblGetPrec: integer fields have precision 0; float fields a precision from 0 to 15.</summary>
    protected static short FieldPrecision(RecordField field, short precision)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (FieldValues.IsInteger(field.Type))
        {
            return 0;
        }

        return field.Type is FieldType.Float or FieldType.Double && precision is < 0 or > 15 ? (short)15 : precision;
    }

    /// <summary>The range a field's type can hold (recGblGetGraphicDouble's default limits).</summary>
    protected static (double Upper, double Lower) TypeRange(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return FieldValues.Range(field.Type);
    }

    /// <summary>No alarm limits (recGblGetAlarmDouble): all NaN.</summary>
    protected static (double HiHi, double High, double Low, double LoLo) NoAlarmLimits =>
        (double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>" (did you mean X?)" for the field name closest to <paramref name="name"/>, or nothing.</summary>
    internal string Suggestion(string name)
    {
        var best = _fieldList
            .Select(f => (f.Name, Distance: EditDistance(name, f.Name), Prefix: name.StartsWith(f.Name, StringComparison.OrdinalIgnoreCase) || f.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .ThenByDescending(c => c.Prefix)
            .ThenBy(c => c.Name.Length)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(1, name.Length / 2) ? $" (did you mean {best.Name}?)" : string.Empty;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
