namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>Thrown by a drain when documents failed to publish since the last drain; lists every failure.</summary>
public sealed class DocumentPublishFailuresException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="failures">The failures, in publish order (at least one).</param>
    public DocumentPublishFailuresException(IReadOnlyList<DocumentPublishException> failures)
        : base(Describe(failures), failures is { Count: > 0 } ? failures[0] : null)
    {
        Failures = failures;
    }

    /// <summary>Every failure since the last drain, in order.</summary>
    public IReadOnlyList<DocumentPublishException> Failures { get; }

    private static string Describe(IReadOnlyList<DocumentPublishException> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"{failures.Count} document(s) not published to the callbacks process: " + string.Join("; ", failures.Select(f => f.Message));
    }
}
