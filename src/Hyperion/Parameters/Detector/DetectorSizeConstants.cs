namespace Hyperion.Cli.Parameters;

/// <summary>A detector's size in mm and pixels, whole and in its region-of-interest mode (dodal's
/// DetectorSizeConstants).</summary>
/// <param name="DetTypeString">The detector's type name (<c>EIGER2_X_16M</c>).</param>
/// <param name="DetDimension">The whole sensor, mm.</param>
/// <param name="DetSizePixels">The whole sensor, pixels.</param>
/// <param name="RoiDimension">The region of interest, mm.</param>
/// <param name="RoiSizePixels">The region of interest, pixels.</param>
public sealed record DetectorSizeConstants(
    string DetTypeString,
    DetectorSize DetDimension,
    DetectorSize DetSizePixels,
    DetectorSize RoiDimension,
    DetectorSize RoiSizePixels)
{
    /// <summary>An Eiger2 X 4M.</summary>
    public static DetectorSizeConstants Eiger2X4M { get; } =
        new("EIGER2_X_4M", new(155.1, 162.15), new(2068, 2162), new(155.1, 162.15), new(2068, 2162));

    /// <summary>An Eiger2 X 9M.</summary>
    public static DetectorSizeConstants Eiger2X9M { get; } =
        new("EIGER2_X_9M", new(233.1, 244.65), new(3108, 3262), new(233.1, 244.65), new(3108, 3262));

    /// <summary>An Eiger2 X 16M, whose region of interest is the central 4M.</summary>
    public static DetectorSizeConstants Eiger2X16M { get; } =
        new("EIGER2_X_16M", new(311.1, 327.15), new(4148, 4362), new(155.1, 162.15), new(2068, 2162));
}
