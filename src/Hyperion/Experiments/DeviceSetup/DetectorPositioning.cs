using Hyperion.Devices.Mx.Eiger;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.DeviceSetup;

/// <summary>Moves the detector and its shutter (mx-bluesky's position_detector plans).</summary>
public static class DetectorPositioning
{
    /// <summary>Starts the detector's move to <paramref name="detectorPositionMm"/> in <paramref name="group"/>.</summary>
    public static async Plan SetDetectorZPosition(DetectorMotion detectorMotion, double detectorPositionMm, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(detectorMotion);
        await Stubs.AbsSet(detectorMotion.Z, detectorPositionMm, group);
    }

    /// <summary>Starts setting the detector shutter to <paramref name="state"/> in <paramref name="group"/>.</summary>
    public static async Plan SetShutter(DetectorMotion detectorMotion, ShutterState state, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(detectorMotion);
        await Stubs.AbsSet(detectorMotion.Shutter, state, group);
    }
}
