namespace Hyperion.Cli.Parameters;

/// <summary>
/// What the Zebra-triggered fast grid scan device is set to for a 3D scan (dodal's ZebraGridScanParamsThreeD): an
/// x/y grid at the first omega, then an x/z grid after turning omega. Lengths are mm.
/// </summary>
/// <param name="XSteps">Images per row.</param>
/// <param name="YSteps">Rows of the first grid.</param>
/// <param name="ZSteps">Rows of the second grid.</param>
/// <param name="XStepSizeMm">Spacing along x.</param>
/// <param name="YStepSizeMm">Row spacing of the first grid.</param>
/// <param name="ZStepSizeMm">Row spacing of the second grid.</param>
/// <param name="XStartMm">Sample x of each row's first image.</param>
/// <param name="Y1StartMm">Sample y of the first grid's first row.</param>
/// <param name="Y2StartMm">Sample y of the second grid.</param>
/// <param name="Z1StartMm">Sample z of the first grid.</param>
/// <param name="Z2StartMm">Sample z of the second grid's first row.</param>
/// <param name="SetStubOffsets">Whether to set the stub offsets after centring.</param>
/// <param name="DwellTimeMs">Time per image, ms; the device takes whole milliseconds only.</param>
/// <param name="TransmissionFraction">Beam transmission.</param>
public sealed record ZebraGridScanParamsThreeD(
    int XSteps,
    int YSteps,
    int ZSteps,
    double XStepSizeMm,
    double YStepSizeMm,
    double ZStepSizeMm,
    double XStartMm,
    double Y1StartMm,
    double Y2StartMm,
    double Z1StartMm,
    double Z2StartMm,
    bool SetStubOffsets,
    double DwellTimeMs,
    double TransmissionFraction)
{
    /// <summary>The images both grids take.</summary>
    public int ExpectedImages => XSteps * (YSteps + ZSteps);

    /// <summary>Whether <paramref name="dwellTimeMs"/> is a whole number of milliseconds to the tolerance dodal allows
    /// (relative 1e-3 of its floor, as numpy's isclose).</summary>
    public static bool IsIntegerDwellTime(double dwellTimeMs)
    {
        var floor = Math.Floor(dwellTimeMs);
        return Math.Abs(dwellTimeMs - floor) <= 1e-8 + (1e-3 * Math.Abs(floor));
    }
}
