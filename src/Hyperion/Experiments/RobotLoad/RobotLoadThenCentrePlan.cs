using System.Globalization;
using Hyperion.Cli.Experiments.DeviceSetup;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>
/// Loads the pin if it is not already loaded, then pin-tip and X-ray centres it (mx-bluesky's
/// robot_load_then_xray_centre). With the pin already loaded, the energy is set and the pin is centred again only if
/// chi is to change. The centring is given as a delegate (<c>PinTipCentreThenXrayCentrePlan.Run</c>), so the caller
/// binds it; it runs while the detector is being prepared.
/// </summary>
public static class RobotLoadThenCentrePlan
{
    /// <summary>How close chi must be to its requested start to count as unchanged, degrees.</summary>
    public const double ChiTolerance = 0.001;

    /// <summary>Loads if needed, then centres with <paramref name="centre"/>.</summary>
    public static async Plan Run(
        HyperionDevices devices, RobotLoadThenCentre parameters, Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan> centre)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(centre);
        var location = RobotLoadAndChangeEnergyPlan.SampleLocationOf(parameters.SamplePuck, parameters.SamplePin);

        var doingSampleLoad = !await RobotLoadAndChangeEnergyPlan.PinAlreadyLoaded(devices.Robot, location);
        var currentChi = await Stubs.Rd(devices.Smargon.Chi, 0.0);
        var doingChiChange = parameters.ChiStartDeg is { } chi
            && Math.Abs(Convert.ToDouble(currentChi, CultureInfo.InvariantCulture) - chi) > ChiTolerance;

        Plan plan;
        if (doingSampleLoad)
        {
            plan = RobotLoadThenFlyscan(devices, parameters, centre);
        }
        else
        {
            // The robot load normally sets the energy, so it must be set here when there is no load.
            await SetEnergyPlan.Run(devices, parameters.DemandEnergyEv);
            if (!doingChiChange)
            {
                return;
            }

            plan = centre(devices, parameters.PinCentreThenXrayCentreParams);
        }

        var detectorParams = await FillInEnergyIfNotSupplied(devices, parameters.DetectorParams);
        EigerParameters.Apply(devices.Eiger, detectorParams, devices.Beamline.Configuration);

        await DataCollectionPreparation.StartPreparingDataCollectionThenDoPlan(
            devices.Beamstop, devices.Eiger, devices.DetectorMotion, parameters.DetectorDistanceMm, plan, PlanGroups.GridReadyForDc);
    }

    /// <summary>The detector settings with the DCM's energy when they expect none (mx-bluesky's fill_in_energy_if_not_supplied).</summary>
    public static async Plan<DetectorParams> FillInEnergyIfNotSupplied(HyperionDevices devices, DetectorParams detectorParams)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(detectorParams);
        if (detectorParams.ExpectedEnergyEv is { } energy && energy != 0)
        {
            return detectorParams;
        }

        var actualKev = await Stubs.Rd(devices.Dcm.EnergyInKeV, 0.0);
        return detectorParams with { ExpectedEnergyEv = 1000 * Convert.ToDouble(actualKev, CultureInfo.InvariantCulture) };
    }

    private static async Plan RobotLoadThenFlyscan(
        HyperionDevices devices, RobotLoadThenCentre parameters, Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan> centre)
    {
        await RobotLoadAndChangeEnergyPlan.Run(devices, parameters.RobotLoadParams);
        await centre(devices, parameters.PinCentreThenXrayCentreParams);
    }
}
