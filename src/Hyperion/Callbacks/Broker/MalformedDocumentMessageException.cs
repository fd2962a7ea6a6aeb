namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>A message on the documents queue that is not a document Hyperion published: says which one and why.</summary>
public sealed class MalformedDocumentMessageException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="sequence">The message's sequence number, or null when it carries none.</param>
    /// <param name="reason">Why it is not a document.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MalformedDocumentMessageException(long? sequence, string reason, Exception? innerException = null)
        : base($"Document message #{(sequence is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} is malformed: {reason}.", innerException)
    {
        Sequence = sequence;
        Reason = reason;
    }

    /// <summary>The message's sequence number, or null when it carries none.</summary>
    public long? Sequence { get; }

    /// <summary>Why it is not a document.</summary>
    public string Reason { get; }
}
