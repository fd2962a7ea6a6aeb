using Hyperion.Devices.Signals;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.GridScan;

/// <summary>
/// A 3-D fast grid scan (dodal's FastGridScanThreeD): adds the second grid's z steps, z step size and starts,
/// written by prepare after the common parameters.
/// </summary>
/// <typeparam name="TParams">The parameter model prepare takes.</typeparam>
public abstract class FastGridScanThreeD<TParams> : FastGridScanCommon<TParams>
    where TParams : GridScanParamsThreeD
{
    /// <summary>Creates the scan on <paramref name="prefix"/> + <paramref name="infix"/> (e.g. BL03I-MO-SGON-01: + FGS:).</summary>
    protected FastGridScanThreeD(string prefix, string infix, ILogger? logger = null)
        : base(prefix + infix, prefix, logger)
    {
        var full = prefix + infix;
        ZSteps = Epics.SignalRWRbv<int>(full + "Z_NUM_STEPS");
        ZStepSize = Epics.SignalRWRbv<double>(full + "Z_STEP_SIZE");
        Z2Start = Epics.SignalRWRbv<double>(full + "Z2_START");
        Y2Start = Epics.SignalRWRbv<double>(full + "Y2_START");
        AddMovableParam("z_step_size_mm", ZStepSize, p => p.ZStepSizeMm);
        AddMovableParam("z2_start_mm", Z2Start, p => p.Z2StartMm);
        AddMovableParam("y2_start_mm", Y2Start, p => p.Y2StartMm);
        AddMovableParam("z_steps", ZSteps, p => p.ZSteps);
    }

    /// <summary>Z_NUM_STEPS: vertical steps of the second grid, after the omega rotation.</summary>
    public SignalRW<int> ZSteps { get; }

    /// <summary>Z_STEP_SIZE (mm).</summary>
    public SignalRW<double> ZStepSize { get; }

    /// <summary>Z2_START (mm).</summary>
    public SignalRW<double> Z2Start { get; }

    /// <summary>Y2_START (mm).</summary>
    public SignalRW<double> Y2Start { get; }
}
