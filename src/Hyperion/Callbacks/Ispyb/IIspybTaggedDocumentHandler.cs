using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>Receives the documents an ISPyB callback has handled, with the ids it deposited (mx-bluesky's <c>emit</c>).</summary>
public interface IIspybTaggedDocumentHandler
{
    /// <summary>Handles one document an ISPyB callback passed on.</summary>
    /// <param name="name">The document's kind.</param>
    /// <param name="document">The document.</param>
    /// <param name="tags">The ISPyB ids known after the callback handled it.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    Task HandleAsync(DocumentName name, Document document, IspybTags tags, CancellationToken cancellationToken);
}
