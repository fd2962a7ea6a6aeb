namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>The state strings of a binary record, as bi's and bo's get_enum_strs give them.</summary>
internal static class BinaryStates
{
    /// <summary>
    /// ZNAM and ONAM: two strings, unless only ZNAM is set (then one) — EPICS serves two empty strings when
    /// neither is set.
    /// </summary>
    public static IReadOnlyList<string> Of(RecordField znam, RecordField onam) =>
        onam.Text.Length == 0 && znam.Text.Length > 0 ? [znam.Text] : [znam.Text, onam.Text];
}
