namespace Hyperion.Cli.Experiments.Errors;

/// <summary>The beamline is not in the state a plan needs (mx-bluesky's BeamlineStateError).</summary>
public sealed class BeamlineStateException : Exception
{
    /// <summary>The beamline is in the wrong state, as <paramref name="message"/> says.</summary>
    public BeamlineStateException(string message)
        : base(message)
    {
    }

    /// <summary>The beamline is in the wrong state, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public BeamlineStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
