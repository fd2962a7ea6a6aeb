namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The sixteen states of an mbbi or mbbo record: raw values ZRVL..FFVL, strings ZRST..FFST and severities
/// ZRSV..FFSV, with the state-string rules of their get_enum_strs (the strings up to the last one defined).
/// </summary>
internal sealed class MultiBitStates
{
    /// <summary>The field-name prefixes of the states 0 to 15.</summary>
    public static readonly string[] Prefixes = ["ZR", "ON", "TW", "TH", "FR", "FV", "SX", "SV", "EI", "NI", "TE", "EL", "TV", "TT", "FT", "FF"];

    public MultiBitStates(Func<string, FieldType, FieldFlags, int, RecordMenu?, RecordField> addField)
    {
        Values = [.. Prefixes.Select(p => addField(p + "VL", FieldType.ULong, FieldFlags.ProcessPassive, 0, null))];
        Strings = [.. Prefixes.Select(p => addField(p + "ST", FieldType.String, FieldFlags.ProcessPassive | FieldFlags.Property, 26, null))];
        Severities = [.. Prefixes.Select(p => addField(p + "SV", FieldType.Menu, FieldFlags.ProcessPassive, 0, RecordMenus.AlarmSevr))];
    }

    public RecordField[] Values { get; }

    public RecordField[] Strings { get; }

    public RecordField[] Severities { get; }

    /// <summary>True when any state has a value or a string (SDEF).</summary>
    public bool Defined => Values.Any(v => v.Number != 0) || Strings.Any(s => s.Text.Length > 0);

    /// <summary>The state strings, up to the last one that is set.</summary>
    public IReadOnlyList<string> EnumStrings()
    {
        var count = 0;
        for (var i = 0; i < Strings.Length; i++)
        {
            if (Strings[i].Text.Length > 0)
            {
                count = i + 1;
            }
        }

        return [.. Strings.Take(count).Select(s => s.Text)];
    }
}
