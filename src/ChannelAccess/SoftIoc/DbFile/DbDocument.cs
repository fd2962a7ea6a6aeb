namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>A parsed database file with its includes: record definitions and aliases in file order.</summary>
public sealed class DbDocument
{
    /// <summary>The record definitions, in the order read (included files in place).</summary>
    public IList<DbRecordDefinition> Records { get; } = [];

    /// <summary>The top-level <c>alias(record, alias)</c> statements.</summary>
    public IList<DbAliasDefinition> Aliases { get; } = [];

    /// <summary>Every file read, the main file first.</summary>
    public IList<string> Files { get; } = [];
}
