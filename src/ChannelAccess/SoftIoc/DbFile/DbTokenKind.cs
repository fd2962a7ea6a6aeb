namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>The kinds of token in a database file.</summary>
internal enum DbTokenKind
{
    /// <summary>The end of the text.</summary>
    End,

    /// <summary>'('.</summary>
    LeftParen,

    /// <summary>')'.</summary>
    RightParen,

    /// <summary>'{'.</summary>
    LeftBrace,

    /// <summary>'}'.</summary>
    RightBrace,

    /// <summary>','.</summary>
    Comma,

    /// <summary>An unquoted word: a keyword, name or value, possibly holding macro references.</summary>
    Bare,

    /// <summary>A string in double or single quotes (the text is the raw content, escapes intact).</summary>
    Quoted,

    /// <summary>A JSON array or object given as a field value (the raw text, brackets included).</summary>
    Json,
}
