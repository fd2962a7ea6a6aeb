using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks;

/// <summary>Something that handles run documents one at a time, asynchronously, in the order the RunEngine emitted them.</summary>
public interface IDocumentHandler
{
    /// <summary>The handler's name, as logs and errors give it.</summary>
    string Name { get; }

    /// <summary>Handles one document; the next is not given until this completes.</summary>
    /// <param name="name">The document's kind.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    Task HandleAsync(DocumentName name, Document document, CancellationToken cancellationToken);
}
