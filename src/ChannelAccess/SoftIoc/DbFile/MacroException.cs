namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>
/// Macro substitution failed: a reference to an undefined macro (with no default), a recursive definition, an
/// unterminated reference, or a malformed definition list. Names the macro and the position in the text.
/// </summary>
public sealed class MacroException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="macro">The macro concerned (empty when the problem is not about one macro).</param>
    /// <param name="position">The 0-based index in the expanded text of the '$' that starts the faulty reference.</param>
    /// <param name="reason">What is wrong.</param>
    public MacroException(string macro, int position, string reason)
        : base(reason)
    {
        Macro = macro;
        Position = position;
    }

    /// <summary>The macro concerned.</summary>
    public string Macro { get; }

    /// <summary>The 0-based index in the text being expanded where the faulty reference starts.</summary>
    public int Position { get; }
}
