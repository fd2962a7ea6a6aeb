namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>One token of a database file.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its raw text (for a quoted string, the content between the quotes, escapes intact).</param>
/// <param name="Location">Where it starts (for a quoted string, its opening quote).</param>
/// <param name="Quote">The quote character of a quoted string, otherwise '\0'.</param>
internal readonly record struct DbToken(DbTokenKind Kind, string Text, DbSourceLocation Location, char Quote = '\0')
{
    /// <summary>The token as an error message shows it.</summary>
    public string Describe() => Kind switch
    {
        DbTokenKind.End => "end of file",
        DbTokenKind.Quoted => $"string {Quote}{Text}{Quote}",
        DbTokenKind.Bare => $"'{Text}'",
        DbTokenKind.Json => $"JSON value {Text}",
        _ => $"'{Text}'",
    };
}
