using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Callbacks;

/// <summary>Consumes documents as the RunEngine emits them (bluesky's <c>f(name, doc)</c>).</summary>
/// <param name="name">Which kind of document.</param>
/// <param name="document">The document; treat it as read-only.</param>
public delegate void DocumentCallback(DocumentName name, Document document);
