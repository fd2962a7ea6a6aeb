using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The analog output record (ao) with Soft Channel support: the value comes from clients (supervisory) or from
/// DOL (closed_loop, OIF Full or Incremental), is clamped to DRVL..DRVH when DRVH &gt; DRVL, rate-limited by OROC
/// into OVAL, and written to OUT; limit alarms, MDEL/ADEL deadbands, and IVOA when the severity is INVALID. The
/// control limits served with VAL are DRVH/DRVL; a constant DOL sets the initial value.
/// </summary>
public sealed class AoRecord : Record
{
    private static readonly HashSet<string> DisplayLimitFields = ["VAL", "OVAL", "PVAL", "HIHI", "HIGH", "LOW", "LOLO", "LALM", "ALST", "MLST", "IVOV"];
    private static readonly HashSet<string> ControlLimitFields = ["VAL", "OVAL", "PVAL", "HIHI", "HIGH", "LOW", "LOLO", "LALM", "ALST", "MLST"];

    private readonly RecordField _val;
    private readonly RecordField _oval;
    private readonly RecordField _out;
    private readonly RecordField _oroc;
    private readonly RecordField _dol;
    private readonly RecordField _omsl;
    private readonly RecordField _oif;
    private readonly RecordField _prec;
    private readonly RecordField _linr;
    private readonly RecordField _egu;
    private readonly RecordField _roff;
    private readonly RecordField _eoff;
    private readonly RecordField _eslo;
    private readonly RecordField _drvh;
    private readonly RecordField _drvl;
    private readonly RecordField _hopr;
    private readonly RecordField _lopr;
    private readonly RecordField _aoff;
    private readonly RecordField _aslo;
    private readonly LimitAlarmFields _alarms;
    private readonly RecordField _adel;
    private readonly RecordField _mdel;
    private readonly RecordField _rval;
    private readonly RecordField _oraw;
    private readonly RecordField _pval;
    private readonly RecordField _alst;
    private readonly RecordField _mlst;
    private readonly RecordField _ivoa;
    private readonly RecordField _ivov;
    private readonly RecordField _omod;

    /// <summary>Creates an ao record with EPICS's defaults.</summary>
    public AoRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Double, FieldFlags.ProcessPassive | FieldFlags.Value);
        _oval = AddField("OVAL", FieldType.Double);
        _out = AddField("OUT", FieldType.OutLink);
        _oroc = AddField("OROC", FieldType.Double);
        _dol = AddField("DOL", FieldType.InLink);
        _omsl = AddField("OMSL", FieldType.Menu, menu: RecordMenus.Omsl);
        _oif = AddField("OIF", FieldType.Menu, menu: RecordMenus.AoOif);
        _prec = AddField("PREC", FieldType.Short, FieldFlags.Property);
        _linr = AddField("LINR", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.Convert);
        AddField("EGUF", FieldType.Double, FieldFlags.ProcessPassive);
        AddField("EGUL", FieldType.Double, FieldFlags.ProcessPassive);
        _egu = AddField("EGU", FieldType.String, FieldFlags.Property, size: 16);
        _roff = AddField("ROFF", FieldType.ULong, FieldFlags.ProcessPassive);
        _eoff = AddField("EOFF", FieldType.Double, FieldFlags.ProcessPassive);
        _eslo = AddField("ESLO", FieldType.Double, FieldFlags.ProcessPassive, initial: 1);
        _drvh = AddField("DRVH", FieldType.Double, FieldFlags.ProcessPassive | FieldFlags.Property);
        _drvl = AddField("DRVL", FieldType.Double, FieldFlags.ProcessPassive | FieldFlags.Property);
        _hopr = AddField("HOPR", FieldType.Double, FieldFlags.Property);
        _lopr = AddField("LOPR", FieldType.Double, FieldFlags.Property);
        _aoff = AddField("AOFF", FieldType.Double, FieldFlags.ProcessPassive);
        _aslo = AddField("ASLO", FieldType.Double, FieldFlags.ProcessPassive);
        _alarms = AddLimitAlarms(FieldType.Double);
        _adel = AddField("ADEL", FieldType.Double);
        _mdel = AddField("MDEL", FieldType.Double);
        _rval = AddField("RVAL", FieldType.Long, FieldFlags.ProcessPassive);
        _oraw = AddField("ORAW", FieldType.Long, FieldFlags.ReadOnly);
        AddField("RBV", FieldType.Long, FieldFlags.ReadOnly);
        AddField("ORBV", FieldType.Long, FieldFlags.ReadOnly);
        _pval = AddField("PVAL", FieldType.Double, FieldFlags.ReadOnly);
        _alst = AddField("ALST", FieldType.Double, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.Double, FieldFlags.ReadOnly);
        AddField("INIT", FieldType.Short, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.OutLink);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.Simm);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        _ivoa = AddField("IVOA", FieldType.Menu, menu: RecordMenus.Ivoa);
        _ivov = AddField("IVOV", FieldType.Double);
        _omod = AddField("OMOD", FieldType.UChar, FieldFlags.ReadOnly);
    }

    /// <inheritdoc />
    public override string RecordType => "ao";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_dol, _val))
        {
            SetUndefined(double.IsNaN(_val.Number));
        }

        _oval.SetNumber(_val.Number);
        _pval.SetNumber(_val.Number);
        _mlst.SetNumber(_val.Number);
        _alst.SetNumber(_val.Number);
        _alarms.LastAlarm.SetNumber(_val.Number);
        _oraw.SetNumber(_rval.Number);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var ok = true;
        double value;
        if (IsDatabaseLink(_dol) && _omsl.Number == 1)
        {
            ok = TryReadLink(_dol, out value);
            if (ok && _oif.Number == 1)
            {
                value += _val.Number;
            }
        }
        else
        {
            value = _val.Number;
        }

        if (ok)
        {
            Convert(value);
        }

        SetUndefined(double.IsNaN(_val.Number));
        StampTime();
        CheckLimitAlarms(_val.Number, _alarms);
        WriteOutput();
        Monitor();
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field) =>
        field.Type == FieldType.Double && field.Name is not ("ASLO" or "AOFF") ? _egu.Text : string.Empty;

    /// <inheritdoc />
    protected internal override short GetPrecision(RecordField field) =>
        field == _val || field == _oval || field == _pval ? (short)_prec.Number : FieldPrecision(field, (short)_prec.Number);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetGraphicLimits(RecordField field) =>
        DisplayLimitFields.Contains(field.Name) ? (_hopr.Number, _lopr.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetControlLimits(RecordField field) =>
        ControlLimitFields.Contains(field.Name) ? (_drvh.Number, _drvl.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double HiHi, double High, double Low, double LoLo)? GetAlarmLimits(RecordField field) =>
        field == _val ? _alarms.ForClients() : NoAlarmLimits;

    // aoRecord.c's convert(): drive limits, then OROC, then the raw value.
    private void Convert(double value)
    {
        if (_drvh.Number > _drvl.Number)
        {
            value = Math.Clamp(value, _drvl.Number, _drvh.Number);
        }

        _val.SetNumber(value);
        _pval.SetNumber(value);
        var oroc = _oroc.Number;
        if (oroc != 0)
        {
            var diff = value - _oval.Number;
            if (Math.Abs(diff) > oroc)
            {
                value = _oval.Number + (Math.Sign(diff) * oroc);
            }
        }

        _omod.SetNumber(_oval.Number != value ? 1 : 0);
        _oval.SetNumber(value);
        if (_linr.Number != 0)
        {
            value = _eslo.Number == 0 ? 0 : (value - _eoff.Number) / _eslo.Number;
        }

        value -= _aoff.Number;
        if (_aslo.Number != 0)
        {
            value /= _aslo.Number;
        }

        value -= _roff.Number;
        _rval.SetNumber(value >= 0 ? Math.Min(value + 0.5, int.MaxValue) : Math.Max(value - 0.5, int.MinValue));
    }

    private void WriteOutput()
    {
        if (PendingSeverity >= AlarmSeverity.Invalid)
        {
            switch (_ivoa.Number)
            {
                case 1:
                    return;
                case 2:
                    _val.SetNumber(_ivov.Number);
                    Convert(_ivov.Number);
                    break;
            }
        }

        WriteLink(_out, DbrValue.Of(_oval.Number));
    }

    private void Monitor()
    {
        var events = ResetAlarms();
        CheckDeadband(_mlst, _val.Number, _mdel.Number, ref events, EventMask.Value);
        CheckDeadband(_alst, _val.Number, _adel.Number, ref events, EventMask.Log);
        Post(_val, events);
        if (_omod.Number != 0)
        {
            events |= EventMask.Value | EventMask.Log;
        }

        if (events != EventMask.None)
        {
            _omod.SetNumber(0);
            Post(_oval, events);
            if (_oraw.Number != _rval.Number)
            {
                Post(_rval, events | EventMask.Value | EventMask.Log);
                _oraw.SetNumber(_rval.Number);
            }
        }
    }
}
