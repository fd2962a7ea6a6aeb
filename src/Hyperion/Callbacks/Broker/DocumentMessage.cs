using System.Globalization;
using System.Text.Json;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Serialization;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>
/// One document as it crosses the broker: the body <c>{"name": "start", "doc": {...}}</c> (event-model's names, as
/// bluesky's JSON-lines and 0MQ dispatchers carry it), the routing key the document's name, and headers with its
/// publisher and sequence number.
/// </summary>
/// <param name="Publisher">The publishing process.</param>
/// <param name="Sequence">The document's number within its publisher, from 1.</param>
/// <param name="Name">The document's kind.</param>
/// <param name="Document">The document.</param>
public sealed record DocumentMessage(string Publisher, long Sequence, DocumentName Name, Document Document)
{
    /// <summary>The body: <c>{"name": ..., "doc": ...}</c> as UTF-8 JSON.</summary>
    public byte[] EncodeBody()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name.ToWireName());
            writer.WritePropertyName("doc");
            JsonSerializer.Serialize(writer, Document, Document.GetType(), DocumentJson.Options);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The headers: publisher and sequence number.</summary>
    public IReadOnlyDictionary<string, object?> Headers() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [DocumentBus.PublisherHeader] = Publisher,
        [DocumentBus.SequenceHeader] = Sequence,
    };

    /// <summary>The sequence number a delivered message carries, or null when it has none that parses.</summary>
    /// <param name="message">The delivered message.</param>
    public static long? SequenceOf(TransportMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Headers.TryGetValue(DocumentBus.SequenceHeader, out var value) ? value switch
        {
            long l => l,
            int i => i,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;
    }

    /// <summary>Reads a delivered message back into a document.</summary>
    /// <param name="message">The delivered message.</param>
    /// <exception cref="MalformedDocumentMessageException">The message is not a document: says why.</exception>
    public static DocumentMessage Decode(TransportMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sequence = SequenceOf(message);
        var publisher = message.HeaderText(DocumentBus.PublisherHeader);
        if (sequence is null)
        {
            throw new MalformedDocumentMessageException(null, $"it has no integer '{DocumentBus.SequenceHeader}' header");
        }

        if (string.IsNullOrEmpty(publisher))
        {
            throw new MalformedDocumentMessageException(sequence, $"it has no '{DocumentBus.PublisherHeader}' header");
        }

        JsonElement root;
        try
        {
            // Deserializing to a JsonElement copies the body, so the document owns everything it holds.
            root = JsonSerializer.Deserialize<JsonElement>(message.Body.Span, DocumentJson.Options);
        }
        catch (JsonException e)
        {
            throw new MalformedDocumentMessageException(sequence, $"its body is not valid JSON ({e.Message})", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedDocumentMessageException(sequence, $"its body is a JSON {root.ValueKind}, not an object");
        }

        if (!root.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new MalformedDocumentMessageException(sequence, "its body has no string \"name\"");
        }

        DocumentName name;
        try
        {
            name = DocumentNames.Parse(nameElement.GetString()!);
        }
        catch (ArgumentException e)
        {
            throw new MalformedDocumentMessageException(sequence, e.Message, e);
        }

        if (!root.TryGetProperty("doc", out var doc) || doc.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedDocumentMessageException(sequence, $"its body has no \"doc\" object for the '{name.ToWireName()}' document");
        }

        try
        {
            return new DocumentMessage(publisher, sequence.Value, name, DocumentJson.Deserialize(name, doc));
        }
        catch (JsonException e)
        {
            throw new MalformedDocumentMessageException(sequence, $"its \"doc\" is not a '{name.ToWireName()}' document ({e.Message})", e);
        }
    }
}
