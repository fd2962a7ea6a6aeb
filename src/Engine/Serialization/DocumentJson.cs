using System.Text.Json;
using System.Text.Json.Serialization;
using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Serialization;

/// <summary>
/// JSON for event-model documents with event-model's field names: what the JSON-lines writer writes, what
/// the schema conformance tests validate, and what crosses the broker to out-of-process callbacks.
/// </summary>
public static class DocumentJson
{
    /// <summary>The serializer options: event-model names, nulls omitted, NaN and infinities allowed as Python writes them.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>Serializes a document to JSON text.</summary>
    public static string Serialize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, document.GetType(), Options);
    }

    /// <summary>Serializes a document to a JSON element.</summary>
    public static JsonElement ToElement(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.SerializeToElement(document, document.GetType(), Options);
    }

    /// <summary>The CLR type of each document kind.</summary>
    public static Type TypeOf(DocumentName name) => name switch
    {
        DocumentName.Start => typeof(RunStart),
        DocumentName.Descriptor => typeof(EventDescriptor),
        DocumentName.Event => typeof(Event),
        DocumentName.EventPage => typeof(EventPage),
        DocumentName.Stop => typeof(RunStop),
        DocumentName.Resource => typeof(Resource),
        DocumentName.Datum => typeof(Datum),
        DocumentName.DatumPage => typeof(DatumPage),
        DocumentName.StreamResource => typeof(StreamResource),
        DocumentName.StreamDatum => typeof(StreamDatum),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown document kind."),
    };

    /// <summary>Reads a document of kind <paramref name="name"/>; throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static Document Deserialize(DocumentName name, JsonElement json)
    {
        var type = TypeOf(name);
        return (Document)(json.Deserialize(type, Options)
            ?? throw new JsonException($"A '{name.ToWireName()}' document cannot be null."));
    }

    /// <summary>Reads a document of kind <paramref name="name"/> from JSON text.</summary>
    public static Document Deserialize(DocumentName name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Deserialize(name, doc.RootElement);
    }
}
