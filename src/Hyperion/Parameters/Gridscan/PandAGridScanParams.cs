namespace Hyperion.Cli.Parameters;

/// <summary>
/// What the PandA constant-motion grid scan device is set to (dodal's PandAGridScanParams). Lengths are mm.
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
/// <param name="RunUpDistanceMm">Distance before and after each row for the goniometer to reach speed.</param>
/// <param name="TransmissionFraction">Beam transmission.</param>
public sealed record PandAGridScanParams(
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
    double RunUpDistanceMm,
    double TransmissionFraction);
