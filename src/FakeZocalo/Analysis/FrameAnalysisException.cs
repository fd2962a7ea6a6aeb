namespace Hyperion.FakeZocalo.Analysis;

/// <summary>A frame could not be analysed: it never appeared before its deadline, or its file could not be read.</summary>
public sealed class FrameAnalysisException : Exception
{
    /// <summary>Creates the error for frame <paramref name="frameIndex"/> of <paramref name="file"/>.</summary>
    public FrameAnalysisException(string file, int frameIndex, string reason, Exception? innerException = null)
        : base($"Frame {frameIndex} of {file}: {reason}", innerException)
    {
        File = file;
        FrameIndex = frameIndex;
    }

    /// <summary>The file (or file stem) the frame was to come from.</summary>
    public string File { get; }

    /// <summary>The frame's 0-based index in the file series.</summary>
    public int FrameIndex { get; }
}
