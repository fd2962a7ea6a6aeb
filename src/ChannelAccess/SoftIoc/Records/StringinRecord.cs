using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The string input record (stringin) with Soft Channel support: VAL, up to 39 characters, read from a database
/// INP or set by clients; monitors on change (or every processing with MPST/APST "Always"). A constant INP
/// (an array constant such as ["text"]) sets the initial value.
/// </summary>
public sealed class StringinRecord : Record
{
    private readonly RecordField _val;
    private readonly RecordField _oval;
    private readonly RecordField _inp;
    private readonly RecordField _mpst;
    private readonly RecordField _apst;

    /// <summary>Creates a stringin record with EPICS's defaults.</summary>
    public StringinRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Value, size: 40);
        _oval = AddField("OVAL", FieldType.String, FieldFlags.ReadOnly, size: 40);
        _inp = AddField("INP", FieldType.InLink);
        _mpst = AddField("MPST", FieldType.Menu, menu: RecordMenus.Post);
        _apst = AddField("APST", FieldType.Menu, menu: RecordMenus.Post);
        AddField("SIOL", FieldType.InLink);
        AddField("SVAL", FieldType.String, FieldFlags.ProcessPassive, size: 40);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.YesNo);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
    }

    /// <inheritdoc />
    public override string RecordType => "stringin";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_inp, _val))
        {
            SetUndefined(false);
        }

        _oval.SetText(_val.Text);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (IsDatabaseLink(_inp) && TryReadLink(_inp, out string value))
        {
            _val.SetText(value);
            SetUndefined(false);
        }

        StampTime();
        Post(_val, StringMonitor.Events(ResetAlarms(), _val, _oval, _mpst, _apst));
        ForwardLink();
    }
}
