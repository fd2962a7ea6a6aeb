namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>A place in a database file: the file as it was named, and a 1-based line and column.</summary>
/// <param name="File">The file name (or the source name given for parsed text).</param>
/// <param name="Line">The line, counting from 1.</param>
/// <param name="Column">The column, counting from 1 (a tab counts as one column).</param>
public readonly record struct DbSourceLocation(string File, int Line, int Column)
{
    /// <summary>The location <paramref name="columns"/> further along the same line.</summary>
    public DbSourceLocation Advance(int columns) => this with { Column = Column + columns };

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
