using System.Globalization;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Snapshots;

/// <summary>
/// Rotation snapshots (mx-bluesky's oav_snapshot_plan): each is an event in
/// <see cref="DescriptorNames.OavRotationSnapshotTriggered"/> that the ISPyB callback records.
/// </summary>
public static class OavSnapshotPlan
{
    /// <summary>The group of one snapshot's set-up.</summary>
    public const string OavSnapshotSetupShot = "oav_snapshot_setup_shot";

    /// <summary>The group of the snapshots.</summary>
    public const string OavSnapshotGroup = "oav_snapshot_group";

    /// <summary>The omegas at which grid snapshots are taken, and so rotation snapshots made from them.</summary>
    public static IReadOnlyList<int> GridSnapshotOmegas { get; } = [0, 270];

    /// <summary>
    /// Gets the beamline ready to image the sample: omega at full speed, backlight in, aperture out of the beam, in
    /// <paramref name="group"/>.
    /// </summary>
    public static async Plan SetupBeamlineForOav(
        Smargon smargon, Backlight backlight, ApertureScatterguard apertureScatterguard, string group = PlanGroups.ReadyForOav, bool wait = false)
    {
        ArgumentNullException.ThrowIfNull(smargon);
        ArgumentNullException.ThrowIfNull(backlight);
        ArgumentNullException.ThrowIfNull(apertureScatterguard);
        var maxVelocity = await Stubs.Rd(smargon.Omega.MaxVelocity, Rotation.RotationUtils.DefaultMaxVelocity);
        await Stubs.AbsSet(smargon.Omega.Velocity, maxVelocity, group);
        await Stubs.AbsSet(backlight, InOut.In, group);
        await Stubs.AbsSet(apertureScatterguard.SelectedAperture, ApertureValue.OutOfBeam, group);
        if (wait)
        {
            await Stubs.Wait(group);
        }
    }

    /// <summary>
    /// Takes the rotation snapshots <paramref name="parameters"/> ask for: fresh images at each of its omegas, or, with
    /// grid snapshots, events that refer to the grid's images. Nothing when none are asked for.
    /// </summary>
    public static async Plan Run(Oav oav, Smargon smargon, IWithSnapshot parameters, OavSnapshotParameters oavParameters, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(oav);
        ArgumentNullException.ThrowIfNull(smargon);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(oavParameters);
        if (!parameters.TakeSnapshots)
        {
            return;
        }

        if (parameters.UseGridSnapshots)
        {
            await GenerateOavSnapshots(oav, smargon, parameters);
            return;
        }

        await SetupOav(oav, parameters, oavParameters);
        foreach (var omega in parameters.SnapshotOmegasDeg ?? [])
        {
            await TakeOavSnapshot(oav, smargon, omega, time ?? TimeProvider.System);
        }
    }

    /// <summary>Sets the OAV camera's colour, exposure, gain and zoom in <see cref="PlanGroups.ReadyForOav"/>, waiting for the zoom.</summary>
    public static async Plan SetupGeneralOavParams(Oav oav, OavSnapshotParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(oav);
        ArgumentNullException.ThrowIfNull(parameters);
        await Stubs.AbsSet(oav.Cam.ColorMode, ColorMode.Rgb1, PlanGroups.ReadyForOav);
        await Stubs.AbsSet(oav.Cam.AcquirePeriod, parameters.AcquirePeriod, PlanGroups.ReadyForOav);
        await Stubs.AbsSet(oav.Cam.AcquireTime, parameters.Exposure, PlanGroups.ReadyForOav);
        await Stubs.AbsSet(oav.Cam.Gain, parameters.Gain, PlanGroups.ReadyForOav);
        await Stubs.AbsSet(oav.ZoomController, parameters.ZoomLevel, wait: true);
    }

    /// <summary>The file name of a snapshot at <paramref name="omega"/>: <c>HHMMSSff_oav_snapshot_{omega:.0f}</c>.</summary>
    public static string SnapshotFilename(double omega, DateTime now) =>
        now.ToString("HHmmssff", CultureInfo.InvariantCulture) + "_oav_snapshot_"
        + Math.Round(omega, MidpointRounding.ToEven).ToString("F0", CultureInfo.InvariantCulture);

    private static async Plan SetupOav(Oav oav, IWithSnapshot parameters, OavSnapshotParameters oavParameters)
    {
        await SetupGeneralOavParams(oav, oavParameters);
        await Stubs.AbsSet(oav.Snapshot.Directory, parameters.SnapshotDirectory);
    }

    private static async Plan GenerateOavSnapshots(Oav oav, Smargon smargon, IWithSnapshot parameters)
    {
        await Stubs.AbsSet(oav.Snapshot.Directory, parameters.SnapshotDirectory);
        foreach (var _ in GridSnapshotOmegas)
        {
            await Stubs.Create(DescriptorNames.OavRotationSnapshotTriggered);
            await Stubs.Read(oav);
            await Stubs.Read(smargon);
            await Stubs.Save();
        }
    }

    private static async Plan TakeOavSnapshot(Oav oav, Smargon smargon, double omega, TimeProvider time)
    {
        await Stubs.AbsSet(smargon.WrappedOmega.Phase, omega, OavSnapshotSetupShot);
        await Stubs.AbsSet(oav.Snapshot.Filename, SnapshotFilename(omega, time.GetLocalNow().DateTime), OavSnapshotSetupShot);
        await Stubs.Wait(OavSnapshotSetupShot);
        await Stubs.Trigger(oav.Snapshot, Stubs.ShortUid("trigger"), wait: true);
        await Stubs.Create(DescriptorNames.OavRotationSnapshotTriggered);
        await Stubs.Read(oav);
        await Stubs.Save();
    }
}
