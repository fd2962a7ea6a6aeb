namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>A <c>field(NAME, "value")</c> of a record, macros expanded and escapes translated.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">The value text (a JSON value keeps its brackets).</param>
/// <param name="Location">Where the field name is.</param>
/// <param name="ValueLocation">Where the value starts.</param>
/// <param name="IsJson">True when the value was a JSON array or object.</param>
public sealed record DbFieldDefinition(string Name, string Value, DbSourceLocation Location, DbSourceLocation ValueLocation, bool IsJson = false);
