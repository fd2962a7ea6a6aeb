using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks;

/// <summary>A callback failed to handle a document; carries which callback, which document and which run.</summary>
public sealed class CallbackDocumentException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="callback">The failing callback's name.</param>
    /// <param name="document">The kind of document it was handling.</param>
    /// <param name="runUid">The uid of the document's run (or the document's own uid where it names no run).</param>
    /// <param name="innerException">What went wrong.</param>
    public CallbackDocumentException(string callback, DocumentName document, string runUid, Exception innerException)
        : base($"{callback} failed on the {document.ToWireName()} document of run {runUid}: {innerException?.Message}", innerException)
    {
        Callback = callback;
        Document = document;
        RunUid = runUid;
    }

    /// <summary>The failing callback's name.</summary>
    public string Callback { get; }

    /// <summary>The kind of document it was handling.</summary>
    public DocumentName Document { get; }

    /// <summary>The run the document belongs to.</summary>
    public string RunUid { get; }
}
