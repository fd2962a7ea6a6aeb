using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The long input record (longin) with Soft Channel support: a 32-bit integer VAL read from a database INP or set
/// by clients; limit alarms with hysteresis; MDEL/ADEL deadbands (a negative deadband posts every processing);
/// EGU and HOPR/LOPR served as metadata. A constant INP sets the initial value.
/// </summary>
public sealed class LonginRecord : Record
{
    private static readonly HashSet<string> DisplayLimitFields = ["VAL", "HIHI", "HIGH", "LOW", "LOLO", "LALM", "ALST", "MLST", "SVAL"];

    private readonly RecordField _val;
    private readonly RecordField _inp;
    private readonly RecordField _egu;
    private readonly RecordField _hopr;
    private readonly RecordField _lopr;
    private readonly LimitAlarmFields _alarms;
    private readonly RecordField _adel;
    private readonly RecordField _mdel;
    private readonly RecordField _alst;
    private readonly RecordField _mlst;

    /// <summary>Creates a longin record with EPICS's defaults.</summary>
    public LonginRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Long, FieldFlags.ProcessPassive | FieldFlags.Value);
        _inp = AddField("INP", FieldType.InLink);
        _egu = AddField("EGU", FieldType.String, FieldFlags.Property, size: 16);
        _hopr = AddField("HOPR", FieldType.Long, FieldFlags.Property);
        _lopr = AddField("LOPR", FieldType.Long, FieldFlags.Property);
        _alarms = AddLimitAlarms(FieldType.Long, FieldFlags.ProcessPassive);
        _adel = AddField("ADEL", FieldType.Long);
        _mdel = AddField("MDEL", FieldType.Long);
        _alst = AddField("ALST", FieldType.Long, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.Long, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.InLink);
        AddField("SVAL", FieldType.Long);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.YesNo);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
    }

    /// <inheritdoc />
    public override string RecordType => "longin";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_inp, _val))
        {
            SetUndefined(false);
        }

        _mlst.SetNumber(_val.Number);
        _alst.SetNumber(_val.Number);
        _alarms.LastAlarm.SetNumber(_val.Number);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (IsDatabaseLink(_inp) && TryReadLink(_inp, out double value))
        {
            _val.SetNumber(value);
            SetUndefined(false);
        }

        StampTime();
        CheckLimitAlarms(_val.Number, _alarms);
        Monitor();
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field) => field.Type == FieldType.Long ? _egu.Text : string.Empty;

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetGraphicLimits(RecordField field) =>
        DisplayLimitFields.Contains(field.Name) ? (_hopr.Number, _lopr.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetControlLimits(RecordField field) =>
        DisplayLimitFields.Contains(field.Name) ? (_hopr.Number, _lopr.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double HiHi, double High, double Low, double LoLo)? GetAlarmLimits(RecordField field) =>
        field == _val ? _alarms.ForClients() : NoAlarmLimits;

    private void Monitor()
    {
        var events = ResetAlarms();
        IntegerDeadband(_mlst, _mdel, EventMask.Value, ref events);
        IntegerDeadband(_alst, _adel, EventMask.Log, ref events);
        Post(_val, events);
    }

    // longin's monitor(): a negative deadband posts always; otherwise the unsigned distance must exceed it.
    private void IntegerDeadband(RecordField last, RecordField deadband, EventMask add, ref EventMask events)
    {
        var delta = (uint)Math.Abs((long)_val.Number - (long)last.Number);
        if (deadband.Number < 0 || delta > (uint)deadband.Number)
        {
            events |= add;
            last.SetNumber(_val.Number);
        }
    }
}
