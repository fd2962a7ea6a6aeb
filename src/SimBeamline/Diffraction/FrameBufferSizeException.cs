namespace Hyperion.SimBeamline.Diffraction;

/// <summary>A frame buffer whose length is not the detector's pixel count.</summary>
public sealed class FrameBufferSizeException : ArgumentException
{
    /// <summary>A buffer of <paramref name="given"/> pixels where <paramref name="expected"/> (width × height) are needed.</summary>
    public FrameBufferSizeException(int expected, int given, int width, int height)
        : base($"The frame buffer holds {given} pixels; the detector ({width} × {height}) needs {expected}.", "frame")
    {
        Expected = expected;
        Given = given;
    }

    /// <summary>The detector's pixel count.</summary>
    public int Expected { get; }

    /// <summary>The buffer's length.</summary>
    public int Given { get; }
}
