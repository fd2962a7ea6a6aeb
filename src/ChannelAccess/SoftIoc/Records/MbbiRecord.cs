using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The multi-bit binary input record (mbbi) with Soft Channel support: VAL, an enum of up to 16 states named
/// ZRST..FFST, read from a database INP or set by clients; the state's severity (ZRSV..FFSV, or UNSV for a state
/// above 15) as a STATE alarm, and COSV on a change of state; monitors on every change. A constant INP sets the
/// initial state.
/// </summary>
public sealed class MbbiRecord : Record
{
    private readonly RecordField _val;
    private readonly RecordField _inp;
    private readonly MultiBitStates _states;
    private readonly RecordField _unsv;
    private readonly RecordField _cosv;
    private readonly RecordField _rval;
    private readonly RecordField _mlst;
    private readonly RecordField _lalm;
    private readonly RecordField _sdef;

    /// <summary>Creates an mbbi record with EPICS's defaults.</summary>
    public MbbiRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Enum, FieldFlags.ProcessPassive | FieldFlags.Value);
        AddField("NOBT", FieldType.UShort, FieldFlags.ReadOnly);
        _inp = AddField("INP", FieldType.InLink);
        _states = new MultiBitStates((n, t, f, s, m) => AddField(n, t, f, s, m));
        _unsv = AddField("UNSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _cosv = AddField("COSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _rval = AddField("RVAL", FieldType.ULong, FieldFlags.ProcessPassive);
        AddField("ORAW", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("MASK", FieldType.ULong, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.UShort, FieldFlags.ReadOnly);
        _lalm = AddField("LALM", FieldType.UShort, FieldFlags.ReadOnly);
        _sdef = AddField("SDEF", FieldType.Short, FieldFlags.ReadOnly);
        AddField("SHFT", FieldType.UShort);
        AddField("SIOL", FieldType.InLink);
        AddField("SVAL", FieldType.ULong);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.Simm);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        AddField("AFTC", FieldType.Double);
        AddField("AFVL", FieldType.Double, FieldFlags.ReadOnly);
    }

    /// <inheritdoc />
    public override string RecordType => "mbbi";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_inp, _val))
        {
            SetUndefined(false);
        }

        _sdef.SetNumber(_states.Defined ? 1 : 0);
        _mlst.SetNumber(_val.Number);
        _lalm.SetNumber(_val.Number);
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
        if (IsDatabaseLink(_inp) && TryReadLink(_inp, out double value))
        {
            _val.SetNumber(value);
            SetUndefined(false);
        }

        var state = (int)_val.Number;
        _rval.SetNumber(_sdef.Number != 0 && state < 16 ? _states.Values[state].Number : state);
        StampTime();
        CheckAlarms();
        var events = ResetAlarms();
        if (_mlst.Number != _val.Number)
        {
            events |= EventMask.Value | EventMask.Log;
            _mlst.SetNumber(_val.Number);
        }

        Post(_val, events);
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<string> GetEnumStrings(RecordField field) =>
        field == _val ? _states.EnumStrings() : base.GetEnumStrings(field);

    private void CheckAlarms()
    {
        if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, UndefinedSeverity);
            return;
        }

        var val = _val.Number;
        SetSeverity(AlarmStatus.State, (AlarmSeverity)(val > 15 ? _unsv : _states.Severities[(int)val]).Number);
        if (val == _lalm.Number || SetSeverity(AlarmStatus.Cos, (AlarmSeverity)_cosv.Number))
        {
            return;
        }

        _lalm.SetNumber(val);
    }
}
