using Hyperion.Devices.Mx.Oav;

namespace Hyperion.SimBeamline.Oav;

/// <summary>What the twin's pin-tip plugin found in one frame, as it publishes it.</summary>
/// <param name="FrameNumber">The frame it was found in.</param>
/// <param name="Location">The tip (null when none) and the edges, from <see cref="MxSampleDetect"/>.</param>
public sealed record PinTipReading(long FrameNumber, SampleLocation Location);
