using Hyperion.Cli.Experiments.Snapshots;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>Sets the OAV camera and the pin-tip detection up for centring (mx-bluesky's setup_oav).</summary>
public static class OavSetup
{
    /// <summary>
    /// Starts setting the pin-tip detection's tuning from <paramref name="parameters"/> in
    /// <see cref="PlanGroups.ReadyForOav"/>: blur, blur size and iterations, Canny thresholds, closing kernel, scan
    /// direction and minimum tip height.
    /// </summary>
    /// <remarks>mx-bluesky also sets an opening kernel, which this detector does not have.</remarks>
    public static async Plan SetupPinTipDetectionParams(PinTipDetection pinTipDetection, OavCentringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(pinTipDetection);
        ArgumentNullException.ThrowIfNull(parameters);
        const string group = PlanGroups.ReadyForOav;
        await Stubs.AbsSet(pinTipDetection.PreprocessOperation, parameters.Preprocess, group);
        await Stubs.AbsSet(pinTipDetection.PreprocessKsize, parameters.PreprocessKSize, group);
        await Stubs.AbsSet(pinTipDetection.PreprocessIterations, parameters.PreprocessIter, group);
        await Stubs.AbsSet(pinTipDetection.CannyLowerThreshold, (int)parameters.CannyEdgeLowerThreshold, group);
        await Stubs.AbsSet(pinTipDetection.CannyUpperThreshold, (int)parameters.CannyEdgeUpperThreshold, group);
        await Stubs.AbsSet(pinTipDetection.CloseKsize, parameters.CloseKsize, group);
        await Stubs.AbsSet(pinTipDetection.ScanDirection, parameters.Direction, group);
        await Stubs.AbsSet(pinTipDetection.MinTipHeight, parameters.MinimumHeight, group);
    }

    /// <summary>Sets the camera's colour, exposure, gain and zoom in <see cref="PlanGroups.ReadyForOav"/>, waiting for the zoom.</summary>
    public static Plan SetupGeneralOavParams(Oav oav, OavCentringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return OavSnapshotPlan.SetupGeneralOavParams(
            oav, new OavSnapshotParameters(parameters.Zoom, parameters.Exposure, parameters.AcquirePeriod, parameters.Gain));
    }

    /// <summary>Sets the camera and the pin-tip detection up, then waits for all of it (mx-bluesky's pre_centring_setup_oav).</summary>
    public static async Plan PreCentringSetupOav(Oav oav, OavCentringParameters parameters, PinTipDetection pinTipDetection)
    {
        await SetupGeneralOavParams(oav, parameters);
        await SetupPinTipDetectionParams(pinTipDetection, parameters);
        await Stubs.Wait(PlanGroups.ReadyForOav);
    }
}
