using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The waveform record with Soft Channel support: VAL is an array of NELM elements of type FTVL (STRING, CHAR,
/// UCHAR, SHORT, USHORT, LONG, ULONG, INT64, UINT64, FLOAT, DOUBLE or ENUM, served as the DBR type EPICS maps each
/// to), read from a database INP or written by clients; NORD is the current length. Monitors post on every
/// processing (MPST/APST "Always", the default) or on a change of content. A constant array INP ("[1, 2, 3]")
/// sets the initial content.
/// </summary>
public sealed class WaveformRecord : Record
{
    private readonly RecordField _val;
    private readonly RecordField _prec;
    private readonly RecordField _inp;
    private readonly RecordField _egu;
    private readonly RecordField _hopr;
    private readonly RecordField _lopr;
    private readonly RecordField _nelm;
    private readonly RecordField _ftvl;
    private readonly RecordField _nord;
    private readonly RecordField _mpst;
    private readonly RecordField _apst;
    private readonly RecordField _hash;
    private double _postedLength;

    /// <summary>Creates a waveform record with EPICS's defaults (one STRING element).</summary>
    public WaveformRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Double, FieldFlags.ProcessPassive | FieldFlags.Value | FieldFlags.NotConfigurable);
        AddField("RARM", FieldType.Short, FieldFlags.ProcessPassive);
        _prec = AddField("PREC", FieldType.Short, FieldFlags.Property);
        _inp = AddField("INP", FieldType.InLink);
        _egu = AddField("EGU", FieldType.String, FieldFlags.Property, size: 16);
        _hopr = AddField("HOPR", FieldType.Double, FieldFlags.Property);
        _lopr = AddField("LOPR", FieldType.Double, FieldFlags.Property);
        _nelm = AddField("NELM", FieldType.ULong, FieldFlags.ReadOnly, initial: 1);
        _ftvl = AddField("FTVL", FieldType.Menu, FieldFlags.ReadOnly, menu: RecordMenus.Ftype);
        AddField("BUSY", FieldType.Short, FieldFlags.ReadOnly);
        _nord = AddField("NORD", FieldType.ULong, FieldFlags.ReadOnly);
        AddField("SIOL", FieldType.InLink);
        AddField("SIML", FieldType.InLink);
        AddField("SIMM", FieldType.Menu, menu: RecordMenus.YesNo);
        AddField("SIMS", FieldType.Menu, menu: RecordMenus.AlarmSevr);
        AddField("SDLY", FieldType.Double, initial: -1);
        _mpst = AddField("MPST", FieldType.Menu, menu: RecordMenus.WaveformPost);
        _apst = AddField("APST", FieldType.Menu, menu: RecordMenus.WaveformPost);
        _hash = AddField("HASH", FieldType.ULong, FieldFlags.ReadOnly);
        _val.ConfigureArray(DbrType.String, 1);
    }

    /// <inheritdoc />
    public override string RecordType => "waveform";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <summary>The DBR type a waveform of element type <paramref name="ftvl"/> (a menuFtype name) is served as.</summary>
    public static DbrType ElementTypeOf(string ftvl) => ftvl switch
    {
        "STRING" => DbrType.String,
        "CHAR" or "UCHAR" => DbrType.Char,
        "SHORT" => DbrType.Short,
        "USHORT" or "LONG" => DbrType.Long,
        "FLOAT" => DbrType.Float,
        "ENUM" => DbrType.Enum,
        _ => DbrType.Double,
    };

    /// <inheritdoc />
    protected override void ValidateConfigured(RecordField field)
    {
        if (field == _nelm || field == _ftvl)
        {
            _val.ConfigureArray(ElementTypeOf(RecordMenus.Ftype.Choices[(int)_ftvl.Number]), Math.Max(1, (int)Math.Min(_nelm.Number, int.MaxValue)));
        }
    }

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (_nelm.Number <= 0)
        {
            _nelm.SetNumber(1);
        }

        if (LoadConstantLink(_inp, _val))
        {
            SetUndefined(false);
        }

        _postedLength = _nord.Number;
    }

    /// <inheritdoc />
    protected internal override void ArrayWritten(RecordField field, int count)
    {
        if (field == _val)
        {
            _nord.SetNumber(count);
            if (_nord.Number != _postedLength)
            {
                _postedLength = _nord.Number;
                Post(_nord, EventMask.Value | EventMask.Log);
            }
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (IsDatabaseLink(_inp) && ReadLinkValue(_inp) is { } value)
        {
            if (_val.Assign(value) is null)
            {
                _nord.SetNumber(Math.Min(value.Count, _val.Capacity));
                SetUndefined(false);
            }
            else
            {
                SetSeverity(AlarmStatus.Link, AlarmSeverity.Invalid);
            }
        }

        StampTime();
        Monitor();
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field) =>
        (field == _val && _val.NativeType is not (DbrType.String or DbrType.Enum)) || field == _hopr || field == _lopr ? _egu.Text : string.Empty;

    /// <inheritdoc />
    protected internal override short GetPrecision(RecordField field) =>
        field == _val ? (short)_prec.Number : FieldPrecision(field, (short)_prec.Number);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetGraphicLimits(RecordField field) =>
        field == _val ? (_hopr.Number, _lopr.Number) : field == _nord ? (_nelm.Number, 0) : field.Name == "BUSY" ? (1, 0) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetControlLimits(RecordField field) =>
        field == _val ? (_hopr.Number, _lopr.Number) : field == _nord ? (_nelm.Number, 0) : field.Name == "BUSY" ? (1, 0) : TypeRange(field);

    private void Monitor()
    {
        var events = ResetAlarms();
        if (_mpst.Number == 0)
        {
            events |= EventMask.Value;
        }

        if (_apst.Number == 0)
        {
            events |= EventMask.Log;
        }

        if (_mpst.Number == 1 || _apst.Number == 1)
        {
            var hash = ContentHash();
            if (hash != _hash.Number)
            {
                events |= (_mpst.Number == 1 ? EventMask.Value : EventMask.None) | (_apst.Number == 1 ? EventMask.Log : EventMask.None);
            }

            _hash.SetNumber(hash);
        }

        Post(_val, events);
        if (_nord.Number != _postedLength)
        {
            _postedLength = _nord.Number;
            Post(_nord, EventMask.Value | EventMask.Log);
        }
    }

    private uint ContentHash()
    {
        var hash = new HashCode();
        hash.Add(_val.Length);
        var storage = _val.ArrayStorage;
        for (var i = 0; i < _val.Length; i++)
        {
            hash.Add(storage.GetValue(i));
        }

        return unchecked((uint)hash.ToHashCode());
    }
}
