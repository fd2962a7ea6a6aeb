namespace Hyperion.Engine.Callbacks;

/// <summary>A line of a JSON-lines document file is not a <c>{"name": ..., "doc": {...}}</c> document; names the file and line.</summary>
public sealed class JsonLinesFormatException : FormatException
{
    /// <summary>Creates the error for line <paramref name="lineNumber"/> (from 1) of <paramref name="source"/>.</summary>
    public JsonLinesFormatException(string source, long lineNumber, string problem, Exception? innerException = null)
        : base($"{source}, line {lineNumber}: {problem}", innerException)
    {
        Source = source;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file (or the description of the reader) the line came from.</summary>
    public new string Source { get; }

    /// <summary>The line number, counting from 1.</summary>
    public long LineNumber { get; }

    /// <summary>What is wrong with the line.</summary>
    public string Problem { get; }
}
