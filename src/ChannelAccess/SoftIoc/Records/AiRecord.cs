using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The analog input record (ai) with Soft Channel support: VAL is read from INP when that is a database link
/// (smoothed by SMOO), or set by clients; limit alarms HIHI/HIGH/LOW/LOLO with HHSV/HSV/LSV/LLSV and HYST;
/// monitors posted through the MDEL (DBE_VALUE) and ADEL (DBE_LOG) deadbands; EGU, PREC and HOPR/LOPR served as
/// metadata. A constant INP sets the initial value.
/// </summary>
public sealed class AiRecord : Record
{
    private static readonly HashSet<string> DisplayLimitFields = ["VAL", "HIHI", "HIGH", "LOW", "LOLO", "LALM", "ALST", "MLST", "SVAL"];

    private readonly RecordField _val;
    private readonly RecordField _inp;
    private readonly RecordField _prec;
    private readonly RecordField _egu;
    private readonly RecordField _hopr;
    private readonly RecordField _lopr;
    private readonly RecordField _smoo;
    private readonly LimitAlarmFields _alarms;
    private readonly RecordField _adel;
    private readonly RecordField _mdel;
    private readonly RecordField _alst;
    private readonly RecordField _mlst;
    private bool _smoothed;

    /// <summary>Creates an ai record with EPICS's defaults.</summary>
    public AiRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Double, FieldFlags.ProcessPassive | FieldFlags.Value);
        _inp = AddField("INP", FieldType.InLink);
        _prec = AddField("PREC", FieldType.Short, FieldFlags.Property);
        AddField("LINR", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.Convert);
        AddField("EGUF", FieldType.Double, FieldFlags.ProcessPassive);
        AddField("EGUL", FieldType.Double, FieldFlags.ProcessPassive);
        _egu = AddField("EGU", FieldType.String, FieldFlags.Property, size: 16);
        _hopr = AddField("HOPR", FieldType.Double, FieldFlags.Property);
        _lopr = AddField("LOPR", FieldType.Double, FieldFlags.Property);
        AddField("AOFF", FieldType.Double, FieldFlags.ProcessPassive);
        AddField("ASLO", FieldType.Double, FieldFlags.ProcessPassive, initial: 1);
        _smoo = AddField("SMOO", FieldType.Double);
        _alarms = AddLimitAlarms(FieldType.Double);
        AddField("AFTC", FieldType.Double);
        _adel = AddField("ADEL", FieldType.Double);
        _mdel = AddField("MDEL", FieldType.Double);
        AddField("AFVL", FieldType.Double, FieldFlags.ReadOnly);
        _alst = AddField("ALST", FieldType.Double, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.Double, FieldFlags.ReadOnly);
        AddField("ESLO", FieldType.Double, FieldFlags.ProcessPassive, initial: 1);
        AddField("EOFF", FieldType.Double, FieldFlags.ProcessPassive);
        AddField("ROFF", FieldType.ULong, FieldFlags.ProcessPassive);
        AddField("INIT", FieldType.Short, FieldFlags.ReadOnly);
        AddField("RVAL", FieldType.Long, FieldFlags.ProcessPassive);
        AddField("ORAW", FieldType.Long, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.InLink);
        AddField("SVAL", FieldType.Double);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.Simm);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
    }

    /// <inheritdoc />
    public override string RecordType => "ai";

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
        var read = true;
        if (IsDatabaseLink(_inp))
        {
            read = TryReadLink(_inp, out double value);
            if (read)
            {
                var smoo = _smoo.Number;
                _val.SetNumber(smoo != 0 && _smoothed && double.IsFinite(_val.Number) ? (value * (1 - smoo)) + (_val.Number * smoo) : value);
                _smoothed = true;
            }
            else
            {
                _smoothed = false;
            }
        }

        StampTime();
        if (read)
        {
            SetUndefined(double.IsNaN(_val.Number));
        }

        CheckLimitAlarms(_val.Number, _alarms);
        Monitor();
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field) =>
        field.Type == FieldType.Double && field.Name is not ("ASLO" or "AOFF" or "SMOO") ? _egu.Text : string.Empty;

    /// <inheritdoc />
    protected internal override short GetPrecision(RecordField field) =>
        field == _val ? (short)_prec.Number : FieldPrecision(field, (short)_prec.Number);

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
        CheckDeadband(_mlst, _val.Number, _mdel.Number, ref events, EventMask.Value);
        CheckDeadband(_alst, _val.Number, _adel.Number, ref events, EventMask.Log);
        Post(_val, events);
    }
}
