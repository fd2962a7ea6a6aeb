namespace Hyperion.Nexus.Geometry;

/// <summary>
/// Where a flat pixel detector sits, in the NeXus (McStas) laboratory frame the twin uses everywhere: the beam
/// travels along +z, y points up, x = y × z; lengths in mm. Pixel coordinates are continuous, as in DIALS: pixel
/// (i, j) spans [i, i+1) × [j, j+1) along the fast and slow axes, so its centre is (i + 0.5, j + 0.5). The beam
/// meets the detector at (<see cref="BeamCentreFast"/>, <see cref="BeamCentreSlow"/>), <see cref="DistanceMm"/>
/// along +z from the sample. The NXmx master file writes exactly this geometry, so frames the twin renders with it
/// index in DIALS.
/// </summary>
/// <param name="Width">Pixels along the fast axis.</param>
/// <param name="Height">Pixels along the slow axis.</param>
/// <param name="PixelSizeMm">The pixel pitch (Eiger: 0.075 mm).</param>
/// <param name="DistanceMm">The sample-to-detector distance along the beam.</param>
/// <param name="BeamCentreFast">Where the beam hits, in fast pixels.</param>
/// <param name="BeamCentreSlow">Where the beam hits, in slow pixels.</param>
public sealed record DetectorGeometry(int Width, int Height, double PixelSizeMm, double DistanceMm, double BeamCentreFast, double BeamCentreSlow)
{
    /// <summary>The fast (row) direction in the lab: -x, as Diamond's Eigers are mounted (nexgen's I03 geometry).</summary>
    public Vector3D FastAxis { get; init; } = new(-1, 0, 0);

    /// <summary>The slow (column) direction in the lab: -y.</summary>
    public Vector3D SlowAxis { get; init; } = new(0, -1, 0);

    /// <summary>The detector's description (NXdetector/description).</summary>
    public string Description { get; init; } = "Eiger 16M";

    /// <summary>The sensor material.</summary>
    public string SensorMaterial { get; init; } = "Si";

    /// <summary>The sensor thickness in mm.</summary>
    public double SensorThicknessMm { get; init; } = 0.45;

    /// <summary>The largest count a pixel can hold; counts at or above it are untrusted.</summary>
    public long SaturationValue { get; init; } = 9266;

    /// <summary>The lowest trusted count.</summary>
    public long Underload { get; init; } = -1;

    /// <summary>The lab position (mm) of continuous pixel coordinate (fast, slow).</summary>
    public Vector3D LabPosition(double fast, double slow) =>
        new Vector3D(0, 0, DistanceMm) + (FastAxis * ((fast - BeamCentreFast) * PixelSizeMm)) + (SlowAxis * ((slow - BeamCentreSlow) * PixelSizeMm));

    /// <summary>The lab position (mm) of pixel (0, 0)'s outer corner: the module offset NXmx records.</summary>
    public Vector3D Origin => LabPosition(0, 0);

    /// <summary>The detector normal, pointing from the sample to the detector.</summary>
    public Vector3D Normal => Vector3D.Cross(FastAxis, SlowAxis);

    /// <summary>
    /// Where a ray from the sample along <paramref name="direction"/> meets the detector, as continuous (fast, slow)
    /// pixel coordinates; null if it travels away from the detector.
    /// </summary>
    public (double Fast, double Slow)? Project(Vector3D direction)
    {
        var normal = Normal;
        var toPlane = Vector3D.Dot(Origin, normal);
        var along = Vector3D.Dot(direction, normal);
        if (along * toPlane <= 0)
        {
            return null;
        }

        var hit = direction * (toPlane / along);
        var offset = hit - Origin;
        return (Vector3D.Dot(offset, FastAxis) / PixelSizeMm, Vector3D.Dot(offset, SlowAxis) / PixelSizeMm);
    }

    /// <summary>An Eiger 16M (4148 × 4362, 75 µm) with the beam at its centre.</summary>
    public static DetectorGeometry Eiger16M(double distanceMm) => new(4148, 4362, 0.075, distanceMm, 2074, 2181);

    /// <summary>An Eiger 16M read out in 4M ROI mode (2068 × 2162, 75 µm) with the beam at its centre.</summary>
    public static DetectorGeometry Eiger4M(double distanceMm) => new(2068, 2162, 0.075, distanceMm, 1034, 1081) { Description = "Eiger 16M (4M ROI)" };
}
