namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// A reflection the renderer put on a frame (the truth behind the pixels).
/// </summary>
/// <param name="Index">Its Miller indices.</param>
/// <param name="Fast">The spot's centroid along the fast axis, in continuous pixel coordinates (pixel i spans [i, i+1)).</param>
/// <param name="Slow">The centroid along the slow axis.</param>
/// <param name="ExpectedCounts">The mean number of counts in the whole spot (before Poisson noise, gaps not removed).</param>
/// <param name="Partiality">
/// For a still, the excitation factor exp(−ε²/2σ²) (1 on the Ewald sphere); for a rotation frame, the fraction of the
/// full reflection recorded within this frame's oscillation.
/// </param>
/// <param name="DSpacing">The reflection's d-spacing in Å.</param>
/// <param name="PhiDegrees">The omega at which the reflection's centre crosses the Ewald sphere (NaN for a still, or when it only grazes the sphere).</param>
/// <param name="SigmaPixels">The spot's width (standard deviation) in pixels.</param>
/// <param name="InModuleGap">Whether the centroid falls in a module gap (the spot is then mostly unrecorded).</param>
public readonly record struct PredictedReflection(
    MillerIndex Index,
    double Fast,
    double Slow,
    double ExpectedCounts,
    double Partiality,
    double DSpacing,
    double PhiDegrees,
    double SigmaPixels,
    bool InModuleGap);
