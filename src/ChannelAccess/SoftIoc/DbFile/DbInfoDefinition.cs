namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>An <c>info(NAME, "value")</c> item of a record: a tag for tools (autosave, archiver), not a field.</summary>
/// <param name="Name">The info name.</param>
/// <param name="Value">The value text.</param>
/// <param name="Location">Where the info name is.</param>
public sealed record DbInfoDefinition(string Name, string Value, DbSourceLocation Location);
