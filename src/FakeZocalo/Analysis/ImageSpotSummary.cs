namespace Hyperion.FakeZocalo.Analysis;

/// <summary>
/// The per-image analysis result Zocalo's per-image service reports for one frame, with its wire names
/// (<c>file</c>, <c>file-number</c>, <c>file-seen-at</c>, <c>n_spots_total</c>, ...).
/// </summary>
/// <param name="File">The file the frame was read from (the NXmx master or data file).</param>
/// <param name="FileNumber">The frame's 1-based number within the collection.</param>
/// <param name="FileSeenAt">When the frame was first readable, in Unix seconds.</param>
/// <param name="SpotsTotal">Spots found (3..1000 pixels, peak within 2 px of the centroid, resolution filter passed).</param>
/// <param name="SpotsNoIce">Spots outside the ice-ring resolution shells.</param>
/// <param name="Spots4A">Spots at 4 Å resolution or better.</param>
/// <param name="TotalIntensity">Total counts in the counted spots (the helper that implements the finder pins the exact definition).</param>
/// <param name="EstimatedDMin">Estimated resolution limit in Å; -1 when there are 10 spots or fewer.</param>
public sealed record ImageSpotSummary(
    string File,
    int FileNumber,
    double FileSeenAt,
    int SpotsTotal,
    int SpotsNoIce,
    int Spots4A,
    double TotalIntensity,
    double EstimatedDMin);
