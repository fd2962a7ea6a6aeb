using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The binary input record (bi) with Soft Channel support: VAL (an enum with states ZNAM and ONAM) read from a
/// database INP or set by clients; state alarms ZSV (state 0) and OSV (state 1) and change-of-state alarm COSV;
/// monitors on every change of state. A constant INP sets the initial state.
/// </summary>
public sealed class BiRecord : Record
{
    private readonly RecordField _inp;
    private readonly RecordField _val;
    private readonly RecordField _zsv;
    private readonly RecordField _osv;
    private readonly RecordField _cosv;
    private readonly RecordField _znam;
    private readonly RecordField _onam;
    private readonly RecordField _lalm;
    private readonly RecordField _mlst;

    /// <summary>Creates a bi record with EPICS's defaults.</summary>
    public BiRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _inp = AddField("INP", FieldType.InLink);
        _val = AddField("VAL", FieldType.Enum, FieldFlags.ProcessPassive | FieldFlags.Value);
        _zsv = AddField("ZSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _osv = AddField("OSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _cosv = AddField("COSV", FieldType.Menu, FieldFlags.ProcessPassive, menu: RecordMenus.AlarmSevr);
        _znam = AddField("ZNAM", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Property, size: 26);
        _onam = AddField("ONAM", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Property, size: 26);
        AddField("RVAL", FieldType.ULong, FieldFlags.ProcessPassive);
        AddField("ORAW", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("MASK", FieldType.ULong, FieldFlags.ReadOnly);
        _lalm = AddField("LALM", FieldType.UShort, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.UShort, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.InLink);
        AddField("SVAL", FieldType.ULong);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.Simm);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
    }

    /// <inheritdoc />
    public override string RecordType => "bi";

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
        _lalm.SetNumber(_val.Number);
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
        field == _val ? BinaryStates.Of(_znam, _onam) : base.GetEnumStrings(field);

    private void CheckAlarms()
    {
        var val = _val.Number;
        if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, UndefinedSeverity);
            return;
        }

        if (val > 1)
        {
            return;
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
