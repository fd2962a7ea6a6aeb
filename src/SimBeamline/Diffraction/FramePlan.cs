namespace Hyperion.SimBeamline.Diffraction;

/// <summary>Everything a frame's pixels need, worked out before any pixel is drawn.</summary>
/// <param name="Background">The background grid per incident photon.</param>
/// <param name="BackgroundScale">Incident photons in the exposure (flux × transmission × time).</param>
/// <param name="Spots">The spots, by first row.</param>
/// <param name="Shares">The spots' column and row shares.</param>
/// <param name="Key">The frame's random-stream key.</param>
/// <param name="Truth">The frame's truth.</param>
internal sealed record FramePlan(BackgroundModel Background, double BackgroundScale, SpotPlan[] Spots, float[] Shares, ulong Key, FrameTruth Truth);
