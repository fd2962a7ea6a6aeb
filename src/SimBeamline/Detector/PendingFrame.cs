using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Detector;

/// <summary>A frame exposed (from <c>StartSeconds</c> after the arm) and waiting to be rendered and written by the capture it belongs to.</summary>
internal sealed record PendingFrame(EigerCapture Capture, DiffractionRenderer Renderer, FrameRequest Request, double StartSeconds);
