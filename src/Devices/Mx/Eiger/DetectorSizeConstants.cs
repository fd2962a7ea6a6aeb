namespace Hyperion.Devices.Mx.Eiger;

/// <summary>A detector's full and region-of-interest sizes (dodal's det_dim_constants).</summary>
/// <param name="DetType">The type string, e.g. EIGER2_X_16M.</param>
/// <param name="DetDimension">The full sensor in mm.</param>
/// <param name="DetSizePixels">The full sensor in pixels.</param>
/// <param name="RoiDimension">The ROI (4M) in mm.</param>
/// <param name="RoiSizePixels">The ROI (4M) in pixels.</param>
public sealed record DetectorSizeConstants(
    string DetType,
    DetectorSize DetDimension,
    DetectorSize DetSizePixels,
    DetectorSize RoiDimension,
    DetectorSize RoiSizePixels)
{
    /// <summary>EIGER2 X 16M: 311.1 × 327.15 mm, 4148 × 4362 px; ROI is the 4M, 155.1 × 162.15 mm, 2068 × 2162 px.</summary>
    public static DetectorSizeConstants Eiger2X16MSize { get; } = new(
        "EIGER2_X_16M", new(311.1, 327.15), new(4148, 4362), new(155.1, 162.15), new(2068, 2162));

    /// <summary>EIGER2 X 9M: 233.1 × 244.65 mm, 3108 × 3262 px, no smaller ROI.</summary>
    public static DetectorSizeConstants Eiger2X9MSize { get; } = new(
        "EIGER2_X_9M", new(233.1, 244.65), new(3108, 3262), new(233.1, 244.65), new(3108, 3262));

    /// <summary>EIGER2 X 4M: 155.1 × 162.15 mm, 2068 × 2162 px, no smaller ROI.</summary>
    public static DetectorSizeConstants Eiger2X4MSize { get; } = new(
        "EIGER2_X_4M", new(155.1, 162.15), new(2068, 2162), new(155.1, 162.15), new(2068, 2162));

    /// <summary>PILATUS 6M: 423.636 × 434.644 mm, 2463 × 2527 px, no smaller ROI.</summary>
    public static DetectorSizeConstants Pilatus6MSize { get; } = new(
        "PILATUS_6M", new(423.636, 434.644), new(2463, 2527), new(423.636, 434.644), new(2463, 2527));

    /// <summary>Every known detector, by type string.</summary>
    public static IReadOnlyList<DetectorSizeConstants> All { get; } = [Eiger2X16MSize, Eiger2X9MSize, Eiger2X4MSize, Pilatus6MSize];

    /// <summary>The constants for <paramref name="detType"/> (dodal's constants_from_type).</summary>
    /// <exception cref="KeyNotFoundException">"Detector {type} not found", as dodal raises.</exception>
    public static DetectorSizeConstants FromType(string detType) =>
        All.FirstOrDefault(c => c.DetType == detType) ?? throw new KeyNotFoundException($"Detector {detType} not found");
}
