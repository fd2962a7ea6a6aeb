using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Detector;

/// <summary>A frame the twin's Eiger wrote: its 1-based image number in the capture, how it was made, and what is on it.</summary>
/// <param name="ImageNumber">1-based, across the capture's data files.</param>
/// <param name="Request">The goniometer, beam and exposure the frame was rendered for.</param>
/// <param name="Truth">The reflections predicted on it.</param>
public sealed record EigerFrame(int ImageNumber, FrameRequest Request, FrameTruth Truth);
