using CliParams = Hyperion.Cli.Parameters.ZebraGridScanParamsThreeD;
using DeviceParams = Hyperion.Devices.Mx.GridScan.ZebraGridScanParamsThreeD;

namespace Hyperion.Cli.Experiments.Gridscan;

/// <summary>The parameters' fast grid scan settings as the zebra_fast_grid_scan device takes them.</summary>
public static class FgsParams
{
    /// <summary>The device's form of <paramref name="parameters"/> (the transmission is not the device's).</summary>
    /// <exception cref="Hyperion.Devices.Mx.GridScan.DwellTimeNotIntegerException">The dwell time is not whole milliseconds.</exception>
    public static DeviceParams ToDeviceParams(CliParams parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DeviceParams
        {
            XSteps = parameters.XSteps,
            YSteps = parameters.YSteps,
            ZSteps = parameters.ZSteps,
            XStepSizeMm = parameters.XStepSizeMm,
            YStepSizeMm = parameters.YStepSizeMm,
            ZStepSizeMm = parameters.ZStepSizeMm,
            XStartMm = parameters.XStartMm,
            Y1StartMm = parameters.Y1StartMm,
            Y2StartMm = parameters.Y2StartMm,
            Z1StartMm = parameters.Z1StartMm,
            Z2StartMm = parameters.Z2StartMm,
            SetStubOffsets = parameters.SetStubOffsets,
            DwellTimeMs = parameters.DwellTimeMs,
        };
    }
}
