namespace Hyperion.FakeZocalo.Frames;

/// <summary>A frame could not be read: the file, and the frame where one was asked for, say which.</summary>
public class FrameException : Exception
{
    /// <summary>Creates an exception with no context.</summary>
    public FrameException()
    {
    }

    /// <summary>Creates an exception with a message and no file context.</summary>
    public FrameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public FrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about <paramref name="file"/> (and 1-based frame <paramref name="frameNumber"/> of the collection).</summary>
    public FrameException(string message, string file, int? frameNumber, Exception? innerException = null)
        : base(Describe(message, file, frameNumber), innerException)
    {
        FilePath = file;
        FrameNumber = frameNumber;
    }

    /// <summary>The file.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based frame number in the collection, if a frame was asked for.</summary>
    public int? FrameNumber { get; }

    private static string Describe(string message, string file, int? frameNumber) =>
        frameNumber is { } n ? $"{file}, frame {n}: {message}" : $"{file}: {message}";
}
