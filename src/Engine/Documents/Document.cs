using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>Base of the event-model documents the RunEngine emits.</summary>
public abstract class Document
{
    /// <summary>Which kind of document this is.</summary>
    [JsonIgnore]
    public abstract DocumentName Kind { get; }
}
