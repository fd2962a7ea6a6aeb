namespace Hyperion.Cli.Callbacks;

/// <summary>Thrown by a drain when callbacks failed on documents since the last drain; lists every failure.</summary>
public sealed class CallbackFailuresException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="failures">The failures, in the order they happened (at least one).</param>
    public CallbackFailuresException(IReadOnlyList<CallbackDocumentException> failures)
        : base(Describe(failures), failures is { Count: > 0 } ? failures[0] : null)
    {
        Failures = failures;
    }

    /// <summary>Every failure since the last drain, in order.</summary>
    public IReadOnlyList<CallbackDocumentException> Failures { get; }

    private static string Describe(IReadOnlyList<CallbackDocumentException> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"{failures.Count} callback failure(s): " + string.Join("; ", failures.Select(f => f.Message));
    }
}
