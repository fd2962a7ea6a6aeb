using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Signals;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.GridScan;

/// <summary>
/// The zebra-triggered 3-D fast grid scan on the smargon's motion controller (dodal's ZebraFastGridScanThreeD,
/// i03's zebra_fast_grid_scan), under <c>prefix + "FGS:"</c>: adds the x counter, the dwell time, the position
/// counter and the expected number of images.
/// </summary>
public sealed class ZebraFastGridScan : FastGridScanThreeD<ZebraGridScanParamsThreeD>
{
    /// <summary>Creates the scan on the smargon prefix <paramref name="prefix"/> (e.g. BL03I-MO-SGON-01:).</summary>
    public ZebraFastGridScan(string prefix, string name = "", ILogger? logger = null)
        : base(prefix, "FGS:", logger)
    {
        var full = prefix + "FGS:";
        XCounter = Epics.SignalR<int>(full + "X_COUNTER");
        DwellTimeMs = Epics.SignalRWRbv<double>(full + "DWELL_TIME");
        PositionCounter = Epics.SignalRW<int>(full + "POS_COUNTER_WRITE", full + "POS_COUNTER");
        ExpectedImages = Derived.SignalR(ComputeExpectedImagesAsync, sources: [XSteps, YSteps, ZSteps]);
        AddMovableParam("dwell_time_ms", DwellTimeMs, p => p.DwellTimeMs);
        SetName(name);
    }

    /// <summary>X_COUNTER.</summary>
    public SignalR<int> XCounter { get; }

    /// <summary>DWELL_TIME (ms): the time between x trigger positions.</summary>
    public SignalRW<double> DwellTimeMs { get; }

    /// <summary>Written at POS_COUNTER_WRITE, read at POS_COUNTER.</summary>
    public override SignalRW<int> PositionCounter { get; }

    /// <summary>x steps · y steps + x steps · z steps: one image per grid point of both grids.</summary>
    public SignalR<int> ExpectedImages { get; }

    private async Task<int> ComputeExpectedImagesAsync(CancellationToken cancellationToken)
    {
        var x = await XSteps.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var y = await YSteps.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var z = await ZSteps.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        FastGridScanLog.ExpectedImages(Logger, x, y, z);
        return (x * y) + (x * z);
    }
}
