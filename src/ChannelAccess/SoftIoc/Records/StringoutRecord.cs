using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The string output record (stringout) with Soft Channel support: VAL, up to 39 characters, from clients or, in
/// closed_loop, from DOL; written to OUT; a UDF alarm until first set; IVOA when INVALID; monitors on change (or
/// always per MPST/APST). A constant DOL sets the initial value.
/// </summary>
public sealed class StringoutRecord : Record
{
    private readonly RecordField _val;
    private readonly RecordField _oval;
    private readonly RecordField _dol;
    private readonly RecordField _omsl;
    private readonly RecordField _out;
    private readonly RecordField _mpst;
    private readonly RecordField _apst;
    private readonly RecordField _ivoa;
    private readonly RecordField _ivov;

    /// <summary>Creates a stringout record with EPICS's defaults.</summary>
    public StringoutRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Value, size: 40);
        _oval = AddField("OVAL", FieldType.String, FieldFlags.ReadOnly, size: 40);
        _dol = AddField("DOL", FieldType.InLink);
        _omsl = AddField("OMSL", FieldType.Menu, menu: RecordMenus.Omsl);
        _out = AddField("OUT", FieldType.OutLink);
        _mpst = AddField("MPST", FieldType.Menu, menu: RecordMenus.Post);
        _apst = AddField("APST", FieldType.Menu, menu: RecordMenus.Post);
        AddField("SIOL", FieldType.OutLink);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.YesNo);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        _ivoa = AddField("IVOA", FieldType.Menu, menu: RecordMenus.Ivoa);
        _ivov = AddField("IVOV", FieldType.String, size: 40);
    }

    /// <inheritdoc />
    public override string RecordType => "stringout";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_dol, _val))
        {
            SetUndefined(false);
        }

        _oval.SetText(_val.Text);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (IsDatabaseLink(_dol) && _omsl.Number == 1 && TryReadLink(_dol, out string value))
        {
            _val.SetText(value);
            SetUndefined(false);
        }

        if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, UndefinedSeverity);
        }

        StampTime();
        if (PendingSeverity >= AlarmSeverity.Invalid)
        {
            switch (_ivoa.Number)
            {
                case 0:
                    Write();
                    break;
                case 2:
                    _val.SetText(_ivov.Text);
                    Write();
                    break;
            }
        }
        else
        {
            Write();
        }

        Post(_val, StringMonitor.Events(ResetAlarms(), _val, _oval, _mpst, _apst));
        ForwardLink();
    }

    private void Write() => WriteLink(_out, DbrValue.Of(_val.Text));
}
