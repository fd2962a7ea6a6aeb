using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The binary output record (bo) with Soft Channel support: VAL (states ZNAM and ONAM) from clients or, in
/// closed_loop, from DOL; written to OUT; state alarms ZSV/OSV, change-of-state alarm COSV, IVOA when INVALID;
/// monitors on every change of state. A constant DOL sets the initial state. (HIGH, the momentary-output time, is
/// accepted but not acted on.)
/// </summary>
public sealed class BoRecord : Record
{
    private readonly RecordField _val;
    private readonly RecordField _omsl;
    private readonly RecordField _dol;
    private readonly RecordField _out;
    private readonly RecordField _znam;
    private readonly RecordField _onam;
    private readonly RecordField _rval;
    private readonly RecordField _oraw;
    private readonly RecordField _mask;
    private readonly RecordField _zsv;
    private readonly RecordField _osv;
    private readonly RecordField _cosv;
    private readonly RecordField _mlst;
    private readonly RecordField _lalm;
    private readonly RecordField _ivoa;
    private readonly RecordField _ivov;

    /// <summary>Creates a bo record with EPICS's defaults.</summary>
    public BoRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Enum, FieldFlags.ProcessPassive | FieldFlags.Value);
        _omsl = AddField("OMSL", FieldType.Menu, menu: RecordMenus.Omsl);
        _dol = AddField("DOL", FieldType.InLink);
        _out = AddField("OUT", FieldType.OutLink);
        AddField("HIGH", FieldType.Double);
        _znam = AddField("ZNAM", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Property, size: 26);
        _onam = AddField("ONAM", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Property, size: 26);
        _rval = AddField("RVAL", FieldType.ULong, FieldFlags.ProcessPassive);
        _oraw = AddField("ORAW", FieldType.ULong, FieldFlags.ReadOnly);
        _mask = AddField("MASK", FieldType.ULong, FieldFlags.ReadOnly);
        _zsv = AddField("ZSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _osv = AddField("OSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _cosv = AddField("COSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        AddField("RBV", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("ORBV", FieldType.ULong, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.UShort, FieldFlags.ReadOnly);
        _lalm = AddField("LALM", FieldType.UShort, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.OutLink);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.Simm);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        _ivoa = AddField("IVOA", FieldType.Menu, menu: RecordMenus.Ivoa);
        _ivov = AddField("IVOV", FieldType.UShort);
    }

    /// <inheritdoc />
    public override string RecordType => "bo";

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
        _lalm.SetNumber(_val.Number);
        _oraw.SetNumber(_rval.Number);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (IsDatabaseLink(_dol) && _omsl.Number == 1 && TryReadLink(_dol, out double value))
        {
            _val.SetNumber(value);
            SetUndefined(false);
        }

        ConvertToRaw();
        StampTime();
        CheckAlarms();
        if (PendingSeverity >= AlarmSeverity.Invalid)
        {
            switch (_ivoa.Number)
            {
                case 0:
                    WriteLink(_out, new DbrValue(DbrType.Enum, new[] { (ushort)_val.Number }));
                    break;
                case 2:
                    _val.SetNumber(_ivov.Number);
                    ConvertToRaw();
                    WriteLink(_out, new DbrValue(DbrType.Enum, new[] { (ushort)_val.Number }));
                    break;
            }
        }
        else
        {
            WriteLink(_out, new DbrValue(DbrType.Enum, new[] { (ushort)_val.Number }));
        }

        var events = ResetAlarms();
        if (_mlst.Number != _val.Number)
        {
            events |= EventMask.Value | EventMask.Log;
            _mlst.SetNumber(_val.Number);
        }

        Post(_val, events);
        if (_oraw.Number != _rval.Number)
        {
            Post(_rval, events | EventMask.Value | EventMask.Log);
            _oraw.SetNumber(_rval.Number);
        }

        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<string> GetEnumStrings(RecordField field) =>
        field == _val ? BinaryStates.Of(_znam, _onam) : base.GetEnumStrings(field);

    private void ConvertToRaw() =>
        _rval.SetNumber(_mask.Number != 0 ? (_val.Number == 0 ? 0 : _mask.Number) : _val.Number);

    private void CheckAlarms()
    {
        var val = _val.Number;
        if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, UndefinedSeverity);
        }

        SetSeverity(AlarmStatus.State, (AlarmSeverity)(val == 0 ? _zsv : _osv).Number);
        if (val == _lalm.Number)
        {
            return;
        }

        SetSeverity(AlarmStatus.Cos, (AlarmSeverity)_cosv.Number);
        _lalm.SetNumber(val);
    }
}
