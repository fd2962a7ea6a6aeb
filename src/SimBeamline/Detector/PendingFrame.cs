using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Detector;

/// <summary>
/// A frame exposed (from <c>StartSeconds</c> after the arm) and waiting to be rendered and written by the capture it
/// belongs to; or, with <see cref="Close"/>, the mark after the last frame a timed-out capture will take.
/// </summary>
internal sealed record PendingFrame(EigerCapture Capture, DiffractionRenderer? Renderer, FrameRequest? Request, double StartSeconds, bool Close = false)
{
    /// <summary>The mark that closes <paramref name="capture"/> once the frames queued before it are written.</summary>
    public static PendingFrame CloseMark(EigerCapture capture) => new(capture, null, null, 0, Close: true);
}
