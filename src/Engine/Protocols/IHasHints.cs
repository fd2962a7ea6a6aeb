using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Protocols;

/// <summary>Something that says which of its fields are interesting (for live tables and plots).</summary>
public interface IHasHints : IHasName
{
    /// <summary>The hints, typically just <see cref="Documents.Hints.Fields"/>.</summary>
    Hints Hints { get; }
}
