namespace Hyperion.Cli.Callbacks;

/// <summary>A run's start document lacks, or carries unreadable, metadata a callback needs; names the run and the field.</summary>
public sealed class CallbackParametersException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="runUid">The run's uid.</param>
    /// <param name="field">The metadata field (e.g. <c>mx_bluesky_parameters</c>).</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CallbackParametersException(string runUid, string field, string problem, Exception? innerException = null)
        : base($"Run {runUid}: start metadata '{field}' {problem}", innerException)
    {
        RunUid = runUid;
        Field = field;
    }

    /// <summary>The run's uid.</summary>
    public string RunUid { get; }

    /// <summary>The metadata field.</summary>
    public string Field { get; }
}
