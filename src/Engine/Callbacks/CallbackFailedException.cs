using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;

namespace Hyperion.Engine.Callbacks;

/// <summary>A document callback threw; names the callback and the document it was given.</summary>
public sealed class CallbackFailedException : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public CallbackFailedException(string callback, DocumentName document, Exception innerException)
        : base($"Callback {callback} failed on a '{document.ToWireName()}' document: {innerException?.Message}", innerException)
    {
        Callback = callback;
        Document = document;
    }

    /// <summary>The callback's description.</summary>
    public string Callback { get; }

    /// <summary>The kind of document it failed on.</summary>
    public DocumentName Document { get; }
}
