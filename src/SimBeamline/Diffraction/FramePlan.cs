namespace Hyperion.SimBeamline.Diffraction;

/// <summary>Everything a frame's pixels need, worked out before any pixel is drawn.</summary>
/// <param name="Background">The background grid per incident photon.</param>
/// <param name="BackgroundScale">Incident photons in the exposure (flux × transmission × time).</param>
/// <param name="Spots">The spots, by first row (the planning thread's scratch list: read-only while painting).</param>
/// <param name="Shares">The spots' column and row shares (likewise).</param>
/// <param name="Key">The frame's random-stream key.</param>
/// <param name="Truth">The frame's truth.</param>
internal sealed record FramePlan(BackgroundModel Background, double BackgroundScale, List<SpotPlan> Spots, List<float> Shares, ulong Key, FrameTruth Truth);
