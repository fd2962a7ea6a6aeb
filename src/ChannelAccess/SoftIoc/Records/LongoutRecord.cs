using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The long output record (longout) with Soft Channel support: a 32-bit integer VAL from clients or, in
/// closed_loop, from DOL; clamped to DRVL..DRVH when DRVH &gt; DRVL; written to OUT when OOPT says so (every time,
/// on change, when zero, ...); limit alarms with hysteresis; MDEL/ADEL deadbands; IVOA when INVALID. A constant DOL
/// sets the initial value.
/// </summary>
public sealed class LongoutRecord : Record
{
    private static readonly HashSet<string> LimitFields = ["VAL", "HIHI", "HIGH", "LOW", "LOLO", "LALM", "ALST", "MLST"];

    private readonly RecordField _val;
    private readonly RecordField _out;
    private readonly RecordField _dol;
    private readonly RecordField _omsl;
    private readonly RecordField _egu;
    private readonly RecordField _drvh;
    private readonly RecordField _drvl;
    private readonly RecordField _hopr;
    private readonly RecordField _lopr;
    private readonly LimitAlarmFields _alarms;
    private readonly RecordField _adel;
    private readonly RecordField _mdel;
    private readonly RecordField _alst;
    private readonly RecordField _mlst;
    private readonly RecordField _ivoa;
    private readonly RecordField _ivov;
    private readonly RecordField _pval;
    private readonly RecordField _oopt;
    private bool _firstWrite = true;

    /// <summary>Creates a longout record with EPICS's defaults.</summary>
    public LongoutRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Long, FieldFlags.ProcessPassive | FieldFlags.Value);
        _out = AddField("OUT", FieldType.OutLink);
        _dol = AddField("DOL", FieldType.InLink);
        _omsl = AddField("OMSL", FieldType.Menu, menu: RecordMenus.Omsl);
        _egu = AddField("EGU", FieldType.String, FieldFlags.Property, size: 16);
        _drvh = AddField("DRVH", FieldType.Long, FieldFlags.ProcessPassive | FieldFlags.Property);
        _drvl = AddField("DRVL", FieldType.Long, FieldFlags.ProcessPassive | FieldFlags.Property);
        _hopr = AddField("HOPR", FieldType.Long, FieldFlags.Property);
        _lopr = AddField("LOPR", FieldType.Long, FieldFlags.Property);
        _alarms = AddLimitAlarms(FieldType.Long, FieldFlags.ProcessPassive);
        _adel = AddField("ADEL", FieldType.Long);
        _mdel = AddField("MDEL", FieldType.Long);
        _alst = AddField("ALST", FieldType.Long, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.Long, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.OutLink);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.YesNo);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        _ivoa = AddField("IVOA", FieldType.Menu, menu: RecordMenus.Ivoa);
        _ivov = AddField("IVOV", FieldType.Long);
        _pval = AddField("PVAL", FieldType.Long);
        AddField("OOCH", FieldType.Menu, menu: RecordMenus.YesNo, initial: 1);
        _oopt = AddField("OOPT", FieldType.Menu, menu: RecordMenus.LongoutOopt);
    }

    /// <inheritdoc />
    public override string RecordType => "longout";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_dol, _val))
        {
            SetUndefined(false);
        }

        _mlst.SetNumber(_val.Number);
        _alst.SetNumber(_val.Number);
        _alarms.LastAlarm.SetNumber(_val.Number);
        _pval.SetNumber(_val.Number);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var ok = true;
        var value = _val.Number;
        if (IsDatabaseLink(_dol) && _omsl.Number == 1)
        {
            ok = TryReadLink(_dol, out value);
            if (ok)
            {
                SetUndefined(false);
            }
        }

        if (ok)
        {
            Convert(value);
        }

        StampTime();
        CheckLimitAlarms(_val.Number, _alarms);
        if (PendingSeverity >= AlarmSeverity.Invalid)
        {
            switch (_ivoa.Number)
            {
                case 0:
                    ConditionalWrite();
                    break;
                case 2:
                    _val.SetNumber(_ivov.Number);
                    ConditionalWrite();
                    break;
            }
        }
        else
        {
            ConditionalWrite();
        }

        Monitor();
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field) => field.Type == FieldType.Long ? _egu.Text : string.Empty;

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetGraphicLimits(RecordField field) =>
        LimitFields.Contains(field.Name) ? (_hopr.Number, _lopr.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetControlLimits(RecordField field) =>
        LimitFields.Contains(field.Name) ? (_drvh.Number, _drvl.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double HiHi, double High, double Low, double LoLo)? GetAlarmLimits(RecordField field) =>
        field == _val ? _alarms.ForClients() : NoAlarmLimits;

    private void Convert(double value)
    {
        if (_drvh.Number > _drvl.Number)
        {
            value = Math.Clamp(value, _drvl.Number, _drvh.Number);
        }

        _val.SetNumber(value);
    }

    // longout's conditional_write(): OOPT decides whether OUT is written; PVAL remembers the last value.
    private void ConditionalWrite()
    {
        var value = _val.Number;
        var previous = _pval.Number;
        var write = (int)_oopt.Number switch
        {
            1 => _firstWrite || value != previous,
            2 => value == 0,
            3 => value != 0,
            4 => value == 0 && (_firstWrite || previous != 0),
            5 => value != 0 && (_firstWrite || previous == 0),
            _ => true,
        };
        _firstWrite = false;
        _pval.SetNumber(value);
        if (write)
        {
            WriteLink(_out, new DbrValue(DbrType.Long, new[] { (int)value }));
        }
    }

    private void Monitor()
    {
        var events = ResetAlarms();
        IntegerDeadband(_mlst, _mdel, EventMask.Value, ref events);
        IntegerDeadband(_alst, _adel, EventMask.Log, ref events);
        Post(_val, events);
    }

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
