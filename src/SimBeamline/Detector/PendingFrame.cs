using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Detector;

/// <summary>A frame exposed and waiting to be rendered and written by the capture it belongs to.</summary>
internal sealed record PendingFrame(EigerCapture Capture, DiffractionRenderer Renderer, FrameRequest Request);
