using System.Globalization;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using OnOff = Hyperion.Devices.Mx.Sample.OnOff;
using SampleLocation = Hyperion.Devices.Mx.Robot.SampleLocation;

namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>
/// Loads a pin with the robot while the energy changes (mx-bluesky's robot_load_and_change_energy). The load is a
/// <c>robot_load</c> run (run key <c>robot_load</c>) with <c>metadata</c> {visit, sample_id} and
/// <c>activate_callbacks</c> = RobotLoadISPyBCallback, holding a <c>robot_update_pre_load</c> event (the robot before)
/// and a <c>robot_update</c> event (the robot and the OAV snapshot after).
/// </summary>
/// <remarks>dodal's webcam snapshot after the load is not taken: there is no webcam device.</remarks>
public static class RobotLoadAndChangeEnergyPlan
{
    /// <summary>The group of the robot's load.</summary>
    public const string RobotLoadGroup = "robot_load";

    /// <summary>The group of the backlight's move before the snapshots.</summary>
    public const string SnapshotGroup = "snapshot";

    /// <summary>The group of the snapshots' triggers.</summary>
    public const string SnapshotsGroup = "snapshots";

    /// <summary>The callbacks the load run activates.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["RobotLoadISPyBCallback"];

    /// <summary>
    /// Gets the smargon ready, then loads the pin <paramref name="parameters"/> name while changing the energy, thaws
    /// it and takes the after-load snapshots into its snapshot directory.
    /// </summary>
    /// <exception cref="ArgumentException">The puck or pin is not given.</exception>
    public static async Plan Run(HyperionDevices devices, RobotLoadAndEnergyChange parameters, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        var location = SampleLocationOf(parameters.SamplePuck, parameters.SamplePin);
        await RobotLoadUnload.PrepareForRobotLoad(devices.ApertureScatterguard, devices.Smargon);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.RobotLoad,
            ["metadata"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["visit"] = parameters.Visit, ["sample_id"] = parameters.SampleId },
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
        };
        await Preprocessors.SetRunKey(
            Preprocessors.RunWrapper(
                RobotLoadAndSnapshots(devices, location, parameters.SnapshotDirectory, parameters.SampleId, parameters.DemandEnergyEv, time ?? TimeProvider.System),
                metadata),
            PlanNames.RobotLoad);
    }

    /// <summary>Whether the robot reports the pin at <paramref name="location"/> as the one mounted.</summary>
    public static async Plan<bool> PinAlreadyLoaded(BartRobot robot, SampleLocation location)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(location);
        var currentPuck = await Stubs.Rd(robot.CurrentPuck);
        var currentPin = await Stubs.Rd(robot.CurrentPin);
        return currentPuck is not null && currentPin is not null
            && (int)Convert.ToDouble(currentPuck, CultureInfo.InvariantCulture) == location.Puck
            && (int)Convert.ToDouble(currentPin, CultureInfo.InvariantCulture) == location.Pin;
    }

    /// <summary>Sets the OAV snapshot's name (<c>HHMMSS_{device}_after_load</c>) and directory and takes it.</summary>
    public static async Plan TakeRobotSnapshots(Oav oav, string directory, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(oav);
        var snapshotFormat = now.ToString("HHmmss", CultureInfo.InvariantCulture) + "_{0}_after_load";
        var device = oav.Snapshot;
        await Stubs.AbsSet(device.Filename, string.Format(CultureInfo.InvariantCulture, snapshotFormat, device.Name));
        await Stubs.AbsSet(device.Directory, directory);
        await Stubs.Trigger(device, SnapshotsGroup);
        await Stubs.Wait(SnapshotsGroup);
    }

    /// <summary>The puck and pin as a robot location.</summary>
    /// <exception cref="ArgumentException">Either is missing.</exception>
    public static SampleLocation SampleLocationOf(int? puck, int? pin) =>
        puck is { } p && pin is { } n
            ? new SampleLocation(p, n)
            : throw new ArgumentException($"A robot load needs the sample's puck and pin; got puck {puck?.ToString(CultureInfo.InvariantCulture) ?? "none"}, pin {pin?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");

    private static async Plan DoRobotLoad(HyperionDevices devices, SampleLocation location, long sampleId, double? demandEnergyEv)
    {
        await Stubs.AbsSet(devices.Robot.NextSampleId, (int)sampleId, wait: true);
        await Stubs.AbsSet(devices.Robot, location, RobotLoadGroup);
        await SetEnergyPlan.Run(devices, demandEnergyEv);
        await Stubs.Wait(RobotLoadGroup);
        await Stubs.Mv(devices.Thawer.Control, OnOff.On);
    }

    private static async Plan RobotLoadAndSnapshots(
        HyperionDevices devices, SampleLocation location, string snapshotDirectory, long sampleId, double? demandEnergyEv, TimeProvider time)
    {
        await Stubs.AbsSet(devices.Backlight, InOut.In, SnapshotGroup);

        await Stubs.Create(DescriptorNames.RobotPreLoad);
        await Stubs.Read(devices.Robot);
        await Stubs.Save();

        var gonioFinished = await RobotLoadUnload.DoPlanWhileLowerGonioAtHome(
            DoRobotLoad(devices, location, sampleId, demandEnergyEv), devices.LowerGonio);
        await Stubs.Wait(SnapshotGroup);

        await TakeRobotSnapshots(devices.Oav, snapshotDirectory, time.GetLocalNow().DateTime);

        await Stubs.Create(DescriptorNames.RobotUpdate);
        await Stubs.Read(devices.Robot);
        await Stubs.Read(devices.Oav.Snapshot);
        await Stubs.Save();

        await Stubs.Wait(gonioFinished);
    }
}
