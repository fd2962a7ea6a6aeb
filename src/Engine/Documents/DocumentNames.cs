namespace Hyperion.Engine.Documents;

/// <summary>Event-model's wire names of the document kinds.</summary>
public static class DocumentNames
{
    private static readonly string[] Names =
    [
        "start", "descriptor", "event", "event_page", "stop", "resource", "datum", "datum_page",
        "stream_resource", "stream_datum",
    ];

    /// <summary>Every document kind.</summary>
    public static IReadOnlyList<DocumentName> All { get; } = Enum.GetValues<DocumentName>();

    /// <summary>The wire name, e.g. "event_page".</summary>
    public static string ToWireName(this DocumentName name) => Names[(int)name];

    /// <summary>Parses a wire name; throws naming the unknown name.</summary>
    public static DocumentName Parse(string wireName)
    {
        var index = Array.IndexOf(Names, wireName);
        return index >= 0
            ? (DocumentName)index
            : throw new ArgumentException($"'{wireName}' is not an event-model document name; expected one of {string.Join(", ", Names)}.", nameof(wireName));
    }
}
