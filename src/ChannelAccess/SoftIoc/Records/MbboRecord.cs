using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The multi-bit binary output record (mbbo) with Soft Channel support: VAL, an enum of up to 16 states named
/// ZRST..FFST, from clients or, in closed_loop, from DOL; converted to RVAL through ZRVL..FFVL when states are
/// defined; written to OUT; the state's severity (ZRSV..FFSV, UNSV above 15) and COSV; IVOA when INVALID. A
/// constant DOL sets the initial state.
/// </summary>
public sealed class MbboRecord : Record
{
    private readonly RecordField _val;
    private readonly RecordField _dol;
    private readonly RecordField _omsl;
    private readonly RecordField _out;
    private readonly MultiBitStates _states;
    private readonly RecordField _unsv;
    private readonly RecordField _cosv;
    private readonly RecordField _rval;
    private readonly RecordField _oraw;
    private readonly RecordField _mlst;
    private readonly RecordField _lalm;
    private readonly RecordField _sdef;
    private readonly RecordField _shft;
    private readonly RecordField _ivoa;
    private readonly RecordField _ivov;

    /// <summary>Creates an mbbo record with EPICS's defaults.</summary>
    public MbboRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Enum, FieldFlags.ProcessPassive | FieldFlags.Value);
        _dol = AddField("DOL", FieldType.InLink);
        _omsl = AddField("OMSL", FieldType.Menu, menu: RecordMenus.Omsl);
        AddField("NOBT", FieldType.UShort, FieldFlags.ReadOnly);
        _out = AddField("OUT", FieldType.OutLink);
        _states = new MultiBitStates((n, t, f, s, m) => AddField(n, t, f, s, m));
        _unsv = AddField("UNSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _cosv = AddField("COSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _rval = AddField("RVAL", FieldType.ULong, FieldFlags.ProcessPassive);
        _oraw = AddField("ORAW", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("RBV", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("ORBV", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("MASK", FieldType.ULong, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.UShort, FieldFlags.ReadOnly);
        _lalm = AddField("LALM", FieldType.UShort, FieldFlags.ReadOnly);
        _sdef = AddField("SDEF", FieldType.Short, FieldFlags.ReadOnly);
        _shft = AddField("SHFT", FieldType.UShort);
        AddField("SIOL", FieldType.OutLink);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.Simm);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        _ivoa = AddField("IVOA", FieldType.Menu, menu: RecordMenus.Ivoa);
        _ivov = AddField("IVOV", FieldType.UShort);
    }

    /// <inheritdoc />
    public override string RecordType => "mbbo";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_dol, _val))
        {
            SetUndefined(false);
        }

        _sdef.SetNumber(_states.Defined ? 1 : 0);
        _mlst.SetNumber(_val.Number);
        _lalm.SetNumber(_val.Number);
        _oraw.SetNumber(_rval.Number);
    }

    /// <inheritdoc />
    protected internal override bool SpecialAfter(RecordField field)
    {
        _sdef.SetNumber(_states.Defined ? 1 : 0);
        return true;
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var converted = false;
        if (IsDatabaseLink(_dol) && _omsl.Number == 1)
        {
            if (TryReadLink(_dol, out double value))
            {
                _val.SetNumber(value);
                converted = true;
            }
        }
        else if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, UndefinedSeverity);
        }
        else
        {
            converted = true;
        }

        if (converted)
        {
            SetUndefined(false);
            Convert();
            StampTime();
        }

        CheckAlarms();
        if (PendingSeverity >= AlarmSeverity.Invalid)
        {
            switch (_ivoa.Number)
            {
                case 0:
                    Write();
                    break;
                case 2:
                    _val.SetNumber(_ivov.Number);
                    Convert();
                    Write();
                    break;
            }
        }
        else
        {
            Write();
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
        field == _val ? _states.EnumStrings() : base.GetEnumStrings(field);

    private void Write() => WriteLink(_out, new DbrValue(DbrType.Enum, new[] { (ushort)_val.Number }));

    // mbboRecord.c's convert(): VAL to RVAL through the state values (SOFT/INVALID for an undefined state).
    private void Convert()
    {
        var state = (int)_val.Number;
        double raw;
        if (_sdef.Number != 0)
        {
            if (state > 15)
            {
                SetSeverity(AlarmStatus.Soft, AlarmSeverity.Invalid);
                return;
            }

            raw = _states.Values[state].Number;
        }
        else
        {
            raw = state;
        }

        _rval.SetNumber(_shft.Number > 0 ? (double)((uint)raw << (int)_shft.Number) : raw);
    }

    private void CheckAlarms()
    {
        var val = _val.Number;
        SetSeverity(AlarmStatus.State, (AlarmSeverity)(val > 15 ? _unsv : _states.Severities[(int)val]).Number);
        if (val == _lalm.Number || SetSeverity(AlarmStatus.Cos, (AlarmSeverity)_cosv.Number))
        {
            return;
        }

        _lalm.SetNumber(val);
    }
}
