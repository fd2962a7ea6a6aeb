namespace Hyperion.Cli.Callbacks.Nexus;

/// <summary>
/// A NeXus callback cannot write a run's master files: the documents came out of order, or a reading it needs is
/// unusable. Names the run (when known) and what is wrong.
/// </summary>
public sealed class NexusCallbackException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="runUid">The run whose documents were being handled ("" when unknown).</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NexusCallbackException(string runUid, string problem, Exception? innerException = null)
        : base(string.IsNullOrEmpty(runUid) ? problem : $"Run {runUid}: {problem}", innerException)
    {
        RunUid = runUid;
    }

    /// <summary>The run whose documents were being handled ("" when unknown).</summary>
    public string RunUid { get; }
}
