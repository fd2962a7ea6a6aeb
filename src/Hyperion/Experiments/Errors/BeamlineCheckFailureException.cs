namespace Hyperion.Cli.Experiments.Errors;

/// <summary>A beamline check did not pass (mx-bluesky's BeamlineCheckFailureError).</summary>
public sealed class BeamlineCheckFailureException : Exception
{
    /// <summary>The check failed as <paramref name="message"/> says.</summary>
    public BeamlineCheckFailureException(string message)
        : base(message)
    {
    }

    /// <summary>The check failed as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public BeamlineCheckFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
