using Hyperion.FakeZocalo.Analysis;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;

namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// Zocalo's per-image analysis of one detector's frames, as <c>dials.find_spots_server</c> does it for each image
/// imported as a still: DIALS' dispersion threshold (<see cref="DispersionThreshold"/>), 4-connected spots of 3..1000
/// pixels whose peak lies within 2 px of the centroid (<see cref="SpotLabeller"/>), an optional resolution filter on
/// the centroids, and DIALS' per-image statistics (<see cref="PerImageStatistics"/>). d-spacings come from each
/// centroid through the detector geometry and the wavelength (without DIALS' parallax correction, which moves a
/// spot by a fraction of a pixel: counts at a resolution limit may differ from DIALS' by a spot lying on it). Pure and
/// thread-safe: one analyser serves any number of frames at once.
/// </summary>
public sealed class PerImageAnalyser
{
    private readonly DispersionThreshold _threshold;

    /// <summary>An analyser for frames from <paramref name="detector"/> in <paramref name="beam"/>.</summary>
    /// <param name="detector">The detector's geometry and trusted range.</param>
    /// <param name="beam">The beam (its wavelength gives d-spacings).</param>
    /// <param name="mask">The pixel mask (NXdetector/pixel_mask); null for none.</param>
    /// <param name="pixelType">The detector's pixel type, which decides its "no data" value.</param>
    /// <param name="settings">The spot finder's parameters (DIALS' defaults when null).</param>
    public PerImageAnalyser(DetectorGeometry detector, BeamGeometry beam, PixelMask? mask, PixelType pixelType = PixelType.UInt32, SpotFinderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(beam);
        if (!(beam.WavelengthAngstrom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(beam), beam.WavelengthAngstrom, "The wavelength must be positive.");
        }

        settings ??= SpotFinderSettings.Default;
        settings.Validate();
        Detector = detector;
        Beam = beam;
        PixelType = pixelType;
        Settings = settings;
        _threshold = new DispersionThreshold(DetectorMask.For(detector, mask), settings.Dispersion, settings.MaxDegreeOfParallelism);
    }

    /// <summary>The detector.</summary>
    public DetectorGeometry Detector { get; }

    /// <summary>The beam.</summary>
    public BeamGeometry Beam { get; }

    /// <summary>The frames' pixel type.</summary>
    public PixelType PixelType { get; }

    /// <summary>The spot finder's parameters.</summary>
    public SpotFinderSettings Settings { get; }

    /// <summary>The threshold the analyser runs.</summary>
    public DispersionThreshold Threshold => _threshold;

    /// <summary>
    /// Analyses one frame into Zocalo's per-image result.
    /// </summary>
    /// <param name="pixels">The frame's raw counts, row-major (16-bit frames widened to 32 bits).</param>
    /// <param name="file">The file the frame came from.</param>
    /// <param name="fileNumber">The frame's 1-based number in the collection.</param>
    /// <param name="fileSeenAt">When the frame was first readable, in Unix seconds.</param>
    public ImageSpotSummary Analyse(ReadOnlySpan<uint> pixels, string file, int fileNumber, double fileSeenAt)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fileNumber);
        var s = FindSpots(pixels).Statistics;
        return new ImageSpotSummary(file, fileNumber, fileSeenAt, s.SpotsTotal, s.SpotsNoIce, s.Spots4A, s.TotalIntensity, s.EstimatedDMin);
    }

    /// <summary>Finds one frame's spots and their statistics.</summary>
    /// <param name="pixels">The frame's raw counts, row-major (16-bit frames widened to 32 bits).</param>
    public SpotFindingResult FindSpots(ReadOnlySpan<uint> pixels)
    {
        var strong = new List<int>();
        _threshold.FindStrongPixels(pixels, PixelType, strong);
        var values = new int[strong.Count];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = DetectorMask.SignedCount(pixels[strong[s]], PixelType);
        }

        var found = new List<Spot>();
        SpotLabeller.Label(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(strong), values, Detector.Width, Settings, found);

        var spots = new List<Spot>(found.Count);
        var dStarSquared = new List<double>(found.Count);
        foreach (var spot in found)
        {
            var dss = DStarSquared(spot.CentroidFast, spot.CentroidSlow);
            var d = ResolutionEstimate.DStarSquaredAsD(dss);
            if ((Settings.DMin is { } dMin && d < dMin) || (Settings.DMax is { } dMax && d > dMax))
            {
                continue;
            }

            spots.Add(spot);
            dStarSquared.Add(dss);
        }

        var statistics = PerImageStatistics.Compute(dStarSquared, spots.Select(s => s.Intensity).ToArray(), Settings.FilterIce, Settings.IceRingWidth);
        return new SpotFindingResult(strong.Count, spots, dStarSquared, statistics);
    }

    /// <summary>
    /// 1/d² (Å⁻²) of a spot at continuous pixel coordinates (<paramref name="fast"/>, <paramref name="slow"/>): |s₁ − s₀|²
    /// with s₁ along the ray from the sample to the spot and s₀ along the beam, both of length 1/λ.
    /// </summary>
    public double DStarSquared(double fast, double slow)
    {
        var position = Detector.LabPosition(fast, slow);
        var s1 = position / (position.Length * Beam.WavelengthAngstrom);
        var s0 = BeamGeometry.Direction / Beam.WavelengthAngstrom;
        var r = s1 - s0;
        return Vector3D.Dot(r, r);
    }
}
