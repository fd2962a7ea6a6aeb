using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using InOut = Hyperion.Devices.Mx.Oav.InOut;
using OnOff = Hyperion.Devices.Mx.Sample.OnOff;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>Gets the sample's surroundings ready for collection and back again (mx-bluesky's manipulate_sample).</summary>
public static class ManipulateSample
{
    /// <summary>Whether the detector shutter closes after a scan (mx-bluesky's LOWER_DETECTOR_SHUTTER_AFTER_SCAN).</summary>
    public const bool LowerDetectorShutterAfterScan = true;

    /// <summary>
    /// Moves the backlight out (it would shadow the detector), the aperture to <paramref name="apertureValue"/> when
    /// given, and turns the thawer off (it shakes the pin), all in <paramref name="group"/>.
    /// </summary>
    /// <remarks>dodal's Thawer is set directly; ours takes the set on its control signal, which is the same PV.</remarks>
    public static async Plan SetupSampleEnvironment(
        ApertureScatterguard apertureScatterguard, ApertureValue? apertureValue, Backlight backlight, Thawer thawer, string group = "setup_senv")
    {
        ArgumentNullException.ThrowIfNull(apertureScatterguard);
        ArgumentNullException.ThrowIfNull(backlight);
        ArgumentNullException.ThrowIfNull(thawer);
        await Stubs.AbsSet(backlight, InOut.Out, group);
        await MoveApertureIfRequired(apertureScatterguard, apertureValue, group);
        await Stubs.AbsSet(thawer.Control, OnOff.Off, group);
    }

    /// <summary>
    /// Moves the aperture to <paramref name="apertureValue"/> once any preparation of it is done; with none, keeps the
    /// one already in place (reading it for the log).
    /// </summary>
    public static async Plan MoveApertureIfRequired(ApertureScatterguard apertureScatterguard, ApertureValue? apertureValue, string group = "move_aperture")
    {
        ArgumentNullException.ThrowIfNull(apertureScatterguard);
        if (apertureValue is not { } value)
        {
            await Stubs.Rd(apertureScatterguard.SelectedAperture);
            return;
        }

        await Stubs.Wait(PlanGroups.PrepareAperture);
        await Stubs.AbsSet(apertureScatterguard.SelectedAperture, value, group);
    }

    /// <summary>Puts the detector shutter back down.</summary>
    public static async Plan CleanupSampleEnvironment(DetectorMotion detectorMotion, string group = "cleanup_senv")
    {
        ArgumentNullException.ThrowIfNull(detectorMotion);
        await Stubs.AbsSet(detectorMotion.Shutter, LowerDetectorShutterAfterScan ? ShutterState.Closed : ShutterState.Open, group);
    }

    /// <summary>Moves whichever of x, y and z are given (mm) together.</summary>
    public static async Plan MoveXyz(Smargon smargon, double? xMm = null, double? yMm = null, double? zMm = null, bool wait = false, string group = "move_x_y_z")
    {
        ArgumentNullException.ThrowIfNull(smargon);
        await Stubs.AbsSet(smargon, new CombinedMove { X = xMm, Y = yMm, Z = zMm }, group);
        if (wait)
        {
            await Stubs.Wait(group);
        }
    }

    /// <summary>Moves whichever of phi and chi are given (degrees) together.</summary>
    public static async Plan MovePhiChi(Smargon smargon, double? phi = null, double? chi = null, bool wait = false, string group = "move_phi_chi_omega")
    {
        ArgumentNullException.ThrowIfNull(smargon);
        await Stubs.AbsSet(smargon, new CombinedMove { Phi = phi, Chi = chi }, group);
        if (wait)
        {
            await Stubs.Wait(group);
        }
    }
}
