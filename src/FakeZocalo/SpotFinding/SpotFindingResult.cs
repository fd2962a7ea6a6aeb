namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>One image's spot finding: the spots kept and their statistics.</summary>
/// <param name="StrongPixels">The strong pixels the threshold marked.</param>
/// <param name="Spots">The spots that passed the size, peak-centroid and resolution filters, in the order of their first pixel.</param>
/// <param name="DStarSquared">Each kept spot's 1/d² (Å⁻²) at its centroid.</param>
/// <param name="Statistics">DIALS' per-image statistics of the kept spots.</param>
public sealed record SpotFindingResult(int StrongPixels, IReadOnlyList<Spot> Spots, IReadOnlyList<double> DStarSquared, PerImageStatistics Statistics);
