using System.Globalization;
using Hyperion.Cli.Experiments.RobotLoad;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Optics;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using InOut = Hyperion.Devices.Mx.Sample.InOut;

namespace Hyperion.Cli.Experiments.Udc;

/// <summary>
/// Puts the beamline in its known state before unattended collection starts (mx-bluesky's move_to_udc_default_state):
/// checks the cryostream is selected, cold and at low back pressure; closes the fast shutter; unloads any pin on the
/// goniometer; puts the beamstop in for data collection; then the small aperture, the cryojet in and the OAV at 1.0x.
/// </summary>
/// <remarks>
/// Not modelled, so not moved: the hutch shutter, scintillator, fluorescence detector and collimation table. The
/// beamstop diode check is off (mx-bluesky's BEAMSTOP_DIODE_CHECK feature flag), and, as the robot's cryo mode is not
/// read, the cryostream is checked in commissioning mode too.
/// </remarks>
public static class UdcDefaultStatePlan
{
    /// <summary>The group waited on before the beamstop moves.</summary>
    public const string GroupPreBeamstopCheck = "pre_beamstop_check";

    /// <summary>The group waited on after the beamstop moves.</summary>
    public const string GroupPostBeamstopCheck = "post_beamstop_check";

    /// <summary>The warmest the cryostream may be, K (MAX_CRYO_TEMP_K).</summary>
    public const double MaxCryoTempK = 110;

    /// <summary>The highest back pressure the cryostream may have, bar (MAX_CRYO_PRESSURE_BAR).</summary>
    public const double MaxCryoPressureBar = 0.1;

    /// <summary>How long each group may take, s.</summary>
    public const double GroupTimeoutS = 10;

    /// <summary>Moves the beamline of <paramref name="devices"/> to the UDC default state.</summary>
    /// <exception cref="CryoStreamException">The cryostream is not selected, too warm or at too high a back pressure.</exception>
    public static async Plan Run(HyperionDevices devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var gantry = devices.Beamline.Get<CryoStreamGantry>("cryostream_gantry");
        var baton = devices.Beamline.Get<Baton>("baton");
        var cryojet = devices.Beamline.Get<OxfordCryoJet>("cryojet");

        await VerifyCorrectCryostreamSelected(gantry);
        await CheckCryostream(devices.Cryostream);

        // The fast shutter closes before the hutch shutter would open.
        await Stubs.AbsSet(devices.SampleShutter, ZebraShutterState.Close, wait: true);

        // Commissioning mode would leave the hutch shutter shut; it is not modelled here, but the read is kept.
        await Stubs.Rd(baton.Commissioning);

        await Stubs.Wait(GroupPreBeamstopCheck, GroupTimeoutS);

        await UnloadSampleIfPresent(devices);

        await Stubs.AbsSet(devices.Beamstop.SelectedPos, BeamstopPositions.DataCollection, wait: true);

        await Stubs.AbsSet(devices.ApertureScatterguard.SelectedAperture, ApertureValue.Small, GroupPostBeamstopCheck);
        await Stubs.AbsSet(cryojet.Coarse, InOut.In, GroupPostBeamstopCheck);
        await Stubs.AbsSet(cryojet.Fine, InOut.In, GroupPostBeamstopCheck);
        await Stubs.AbsSet(devices.Oav.ZoomController, "1.0x", GroupPostBeamstopCheck);
        await Stubs.Wait(GroupPostBeamstopCheck, GroupTimeoutS);
    }

    private static async Plan VerifyCorrectCryostreamSelected(CryoStreamGantry gantry)
    {
        var selection = await Stubs.Rd(gantry.CryostreamSelector);
        var selected = await Stubs.Rd(gantry.CryostreamSelected);
        if (ReadValues.AsEnum<CryoStreamSelection>(selection) is not CryoStreamSelection.CryoJet || selected is null || Convert.ToInt32(selected, CultureInfo.InvariantCulture) != 1)
        {
            throw new CryoStreamException(
                $"Cryostream is not selected for use, control PV selection = {selection}, current status {selected}");
        }
    }

    private static async Plan CheckCryostream(OxfordCryoStream cryostream)
    {
        var temperature = Convert.ToDouble(await Stubs.Rd(cryostream.Temp, 0.0), CultureInfo.InvariantCulture);
        var pressure = Convert.ToDouble(await Stubs.Rd(cryostream.BackPressure, 0.0), CultureInfo.InvariantCulture);
        if (temperature > MaxCryoTempK)
        {
            throw new CryoStreamException("Cryostream temperature is too high, not starting UDC");
        }

        if (pressure > MaxCryoPressureBar)
        {
            throw new CryoStreamException("Cryostream back pressure is too high, not starting UDC");
        }
    }

    private static async Plan UnloadSampleIfPresent(HyperionDevices devices)
    {
        var pinMounted = await Stubs.Rd(devices.Robot.GonioPinSensor);
        if (ReadValues.AsEnum<PinMounted>(pinMounted) is not PinMounted.NoPinMounted)
        {
            await RobotLoadUnload.RobotUnload(devices.Robot, devices.Smargon, devices.ApertureScatterguard, devices.LowerGonio, null);
        }
    }
}
