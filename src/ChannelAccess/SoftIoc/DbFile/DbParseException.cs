namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>
/// A database file that cannot be loaded: a syntax error, an undefined macro, a missing include, an unknown record
/// type or field, or a value a field cannot hold. The message starts with file, line and column.
/// </summary>
public sealed class DbParseException : Exception
{
    /// <summary>Creates the error at <paramref name="location"/>.</summary>
    public DbParseException(DbSourceLocation location, string reason, Exception? innerException = null)
        : base($"{location}: {reason}", innerException)
    {
        Location = location;
        Reason = reason;
    }

    /// <summary>Where the problem is.</summary>
    public DbSourceLocation Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
