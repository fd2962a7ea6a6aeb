namespace Hyperion.FakeZocalo.Analysis;

/// <summary>
/// The per-image analysis result Zocalo's per-image service reports for one frame, with its wire names
/// (<c>file</c>, <c>file-number</c>, <c>file-seen-at</c>, <c>n_spots_total</c>, ...).
/// </summary>
/// <param name="File">The file the frame was read from (the NXmx master or data file).</param>
/// <param name="FileNumber">The frame's 1-based number within the collection.</param>
/// <param name="FileSeenAt">When the frame was first readable, in Unix seconds.</param>
/// <param name="SpotsTotal">Spots found (3..1000 pixels, peak within 2 px of the centroid, resolution filter passed), less any at the beam centre (1/d² = 0), as DIALS counts them.</param>
/// <param name="SpotsNoIce">Spots off the ice rings (hexagonal ice's powder rings, 0.004 Å⁻² wide in 1/d²).</param>
/// <param name="Spots4A">DIALS' n_spots_4A: spots with d &gt; 4 Å, i.e. at lower resolution than 4 Å (despite the name).</param>
/// <param name="TotalIntensity">The summed counts of the strong pixels of the spots off the ice rings (DIALS' total_intensity).</param>
/// <param name="EstimatedDMin">DIALS' estimated resolution limit in Å; -1 when 10 spots or fewer are off the ice rings (or no estimate exists).</param>
public sealed record ImageSpotSummary(
    string File,
    int FileNumber,
    double FileSeenAt,
    int SpotsTotal,
    int SpotsNoIce,
    int Spots4A,
    double TotalIntensity,
    double EstimatedDMin);
