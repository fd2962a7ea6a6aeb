using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>A document the broker did not confirm: which one, of which run, to where, and why.</summary>
public sealed class DocumentPublishException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="sequence">The document's sequence number.</param>
    /// <param name="name">The document's kind.</param>
    /// <param name="runUid">The run it belongs to (empty when the document does not say).</param>
    /// <param name="exchange">The exchange it was published to.</param>
    /// <param name="broker">The broker, as its transport describes it.</param>
    /// <param name="innerException">Why the publish failed.</param>
    public DocumentPublishException(long sequence, DocumentName name, string runUid, string exchange, string broker, Exception innerException)
        : base(
            $"Document #{sequence} ('{name.ToWireName()}'{(runUid.Length > 0 ? $" of run {runUid}" : string.Empty)}) was not published to exchange '{exchange}' on {broker}: {innerException?.Message}",
            innerException)
    {
        Sequence = sequence;
        DocumentName = name;
        RunUid = runUid;
        Exchange = exchange;
        Broker = broker;
    }

    /// <summary>The document's sequence number.</summary>
    public long Sequence { get; }

    /// <summary>The document's kind.</summary>
    public DocumentName DocumentName { get; }

    /// <summary>The run it belongs to (empty when the document does not say).</summary>
    public string RunUid { get; }

    /// <summary>The exchange it was published to.</summary>
    public string Exchange { get; }

    /// <summary>The broker.</summary>
    public string Broker { get; }
}
