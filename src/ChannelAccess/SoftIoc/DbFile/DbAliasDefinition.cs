namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>An alias: <c>alias("record", "alias")</c> at the top level, or <c>alias("alias")</c> inside a record.</summary>
/// <param name="RecordName">The record the alias names.</param>
/// <param name="Alias">The other name.</param>
/// <param name="Location">Where the alias is declared.</param>
public sealed record DbAliasDefinition(string RecordName, string Alias, DbSourceLocation Location);
