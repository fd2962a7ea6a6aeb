namespace Hyperion.FakeZocalo.Frames;

/// <summary>A file or frame was not written within the time allowed.</summary>
public sealed class FrameTimeoutException : FrameException
{
    /// <summary>Creates an exception with no context.</summary>
    public FrameTimeoutException()
    {
    }

    /// <summary>Creates an exception with a message and no file context.</summary>
    public FrameTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public FrameTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for <paramref name="file"/> (and frame <paramref name="frameNumber"/>) not written after <paramref name="waited"/>.</summary>
    public FrameTimeoutException(string file, int? frameNumber, TimeSpan waited)
        : base($"not written after waiting {waited.TotalSeconds:0.###} s.", file, frameNumber)
    {
        Waited = waited;
    }

    /// <summary>How long the reader waited.</summary>
    public TimeSpan Waited { get; }
}
