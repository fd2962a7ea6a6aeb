using System.Runtime.CompilerServices;
using System.Text.Json;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Serialization;

namespace Hyperion.Engine.Callbacks;

/// <summary>
/// Reads the documents that <see cref="JsonLinesDocumentWriter"/> (or bluesky's <c>JSONLinesWriter</c>) wrote:
/// one <c>{"name": ..., "doc": {...}}</c> object per line, in event-model's field names. Blank lines are skipped;
/// any other line that is not a document stops the read with a <see cref="JsonLinesFormatException"/> naming
/// the file and the line.
/// </summary>
public static class JsonLinesDocumentReader
{
    /// <summary>Enumerates the documents of the file at <paramref name="path"/>, lazily.</summary>
    public static IEnumerable<(DocumentName Name, Document Document)> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadFileIterator(path);
    }

    /// <summary>Enumerates the documents read from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static IEnumerable<(DocumentName Name, Document Document)> Read(TextReader reader, string source = "<reader>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadIterator(reader, source);
    }

    /// <summary>Enumerates the documents of the file at <paramref name="path"/> without blocking on I/O.</summary>
    public static async IAsyncEnumerable<(DocumentName Name, Document Document)> ReadFileAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        await foreach (var item in ReadAsync(reader, path, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>Enumerates the documents read from <paramref name="reader"/> without blocking on I/O.</summary>
    public static async IAsyncEnumerable<(DocumentName Name, Document Document)> ReadAsync(
        TextReader reader, string source = "<reader>", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ParseLine(line, source, lineNumber);
            }
        }
    }

    /// <summary>Parses one line; throws <see cref="JsonLinesFormatException"/> when it is not a document.</summary>
    public static (DocumentName Name, Document Document) ParseLine(string line, string source, long lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonElement root;
        try
        {
            // Deserializing to JsonElement copies the line's data, so the documents own everything they hold.
            root = JsonSerializer.Deserialize<JsonElement>(line, DocumentJson.Options);
        }
        catch (JsonException ex)
        {
            throw new JsonLinesFormatException(source, lineNumber, $"not valid JSON ({ex.Message})", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonLinesFormatException(source, lineNumber, $"expected a JSON object, found {root.ValueKind}.");
        }

        if (!root.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new JsonLinesFormatException(source, lineNumber, "the object has no string \"name\".");
        }

        if (!root.TryGetProperty("doc", out var doc) || doc.ValueKind != JsonValueKind.Object)
        {
            throw new JsonLinesFormatException(source, lineNumber, "the object has no \"doc\" object.");
        }

        DocumentName name;
        try
        {
            name = DocumentNames.Parse(nameElement.GetString()!);
        }
        catch (ArgumentException ex)
        {
            throw new JsonLinesFormatException(source, lineNumber, ex.Message, ex);
        }

        try
        {
            return (name, DocumentJson.Deserialize(name, doc));
        }
        catch (JsonException ex)
        {
            throw new JsonLinesFormatException(source, lineNumber, $"not a valid '{name.ToWireName()}' document ({ex.Message})", ex);
        }
    }

    private static IEnumerable<(DocumentName Name, Document Document)> ReadFileIterator(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var item in ReadIterator(reader, path))
        {
            yield return item;
        }
    }

    private static IEnumerable<(DocumentName Name, Document Document)> ReadIterator(TextReader reader, string source)
    {
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ParseLine(line, source, lineNumber);
            }
        }
    }
}
