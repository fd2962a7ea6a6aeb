using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.Optics;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.DeviceSetup;

/// <summary>Gets the detector ready while a plan runs (mx-bluesky's start_preparing_data_collection_then_do_plan).</summary>
public static class DataCollectionPreparation
{
    /// <summary>The default group the preparation's moves join.</summary>
    public const string DefaultGroup = "ready_for_data_collection";

    /// <summary>
    /// Starts arming the Eiger, putting the beamstop in for data collection, moving the detector to
    /// <paramref name="detectorDistanceMm"/> (when given) and opening the detector shutter, all in
    /// <paramref name="group"/> without waiting, then runs <paramref name="plan"/>. If anything fails the Eiger is stopped.
    /// </summary>
    public static async Plan StartPreparingDataCollectionThenDoPlan(
        Beamstop beamstop, EigerDetector eiger, DetectorMotion detectorMotion, double? detectorDistanceMm, Plan plan, string group = DefaultGroup)
    {
        ArgumentNullException.ThrowIfNull(beamstop);
        ArgumentNullException.ThrowIfNull(eiger);
        ArgumentNullException.ThrowIfNull(detectorMotion);
        ArgumentNullException.ThrowIfNull(plan);
        await Preprocessors.Contingency(
            Prepared(beamstop, eiger, detectorMotion, detectorDistanceMm, plan, group),
            exceptPlan: _ => StopEiger(eiger));
    }

    private static async Plan Prepared(Beamstop beamstop, EigerDetector eiger, DetectorMotion detectorMotion, double? detectorDistanceMm, Plan plan, string group)
    {
        await Stubs.AbsSet(eiger.DoArm, 1, group);
        await Stubs.AbsSet(beamstop.SelectedPos, BeamstopPositions.DataCollection, group);
        if (detectorDistanceMm is { } distance and not 0)
        {
            await DetectorPositioning.SetDetectorZPosition(detectorMotion, distance, group);
        }

        await DetectorPositioning.SetShutter(detectorMotion, ShutterState.Open, group);
        await plan;
    }

    private static async Plan StopEiger(EigerDetector eiger)
    {
        await Stubs.Stop(eiger);
    }
}
