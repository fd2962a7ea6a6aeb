using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The multi-bit binary input direct record (mbbiDirect) with Soft Channel support: a 32-bit VAL, read from a
/// database INP or set by clients, whose low sixteen bits are also served as the fields B0..BF (0 or 1), each
/// posted when it changes — how a filter wheel's or a GPIO register's bits reach clients one by one.
/// </summary>
public sealed class MbbiDirectRecord : Record
{
    private const int Bits = 16;
    private readonly RecordField _val;
    private readonly RecordField _inp;
    private readonly RecordField _mlst;
    private readonly RecordField[] _bits = new RecordField[Bits];

    /// <summary>Creates an mbbiDirect record with EPICS's defaults.</summary>
    public MbbiDirectRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Long, FieldFlags.ProcessPassive | FieldFlags.Value);
        _inp = AddField("INP", FieldType.InLink);
        AddField("NOBT", FieldType.Short, initial: Bits);
        AddField("SHFT", FieldType.UShort);
        _mlst = AddField("MLST", FieldType.Long, FieldFlags.ReadOnly);
        for (var i = 0; i < Bits; i++)
        {
            _bits[i] = AddField($"B{i:X}", FieldType.UChar, FieldFlags.ProcessPassive);
        }
    }

    /// <inheritdoc />
    public override string RecordType => "mbbiDirect";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (LoadConstantLink(_inp, _val))
        {
            SetUndefined(false);
        }

        SplitBits(EventMask.None);
        _mlst.SetNumber(_val.Number);
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
        var events = ResetAlarms();
        if ((long)_mlst.Number != (long)_val.Number)
        {
            events |= EventMask.Value | EventMask.Log;
            _mlst.SetNumber(_val.Number);
        }

        Post(_val, events);
        SplitBits(EventMask.Value | EventMask.Log);
        ForwardLink();
    }

    // As base's mbbiDirect: each B field mirrors its bit of VAL and is posted only when it changes.
    private void SplitBits(EventMask post)
    {
        var value = (long)_val.Number;
        for (var i = 0; i < Bits; i++)
        {
            var bit = (value >> i) & 1;
            if ((long)_bits[i].Number != bit)
            {
                _bits[i].SetNumber(bit);
                Post(_bits[i], post);
            }
        }
    }
}
