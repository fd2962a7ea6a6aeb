using Hyperion.Cli.Experiments.DeviceSetup;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>
/// Changes the beam energy (mx-bluesky's set_energy_plan): with the XBPM feedback paused at 10% transmission, the
/// undulator and DCM move together in a <c>set_energy</c> run, then the feedback is turned back on.
/// </summary>
/// <remarks>
/// dodal's UndulatorDCM sets the DCM's energy and the undulator gap in parallel: here the two moves are made directly.
/// The DCM pitch/roll and mirror adjustment from lookup tables is not done (the devices are not modelled).
/// </remarks>
public static class SetEnergyPlan
{
    /// <summary>The transmission while the energy changes.</summary>
    public const double DesiredTransmissionFraction = 0.1;

    /// <summary>The group of the energy moves.</summary>
    public const string UndulatorGroup = "UNDULATOR_GROUP";

    /// <summary>Moves to <paramref name="energyEv"/>; nothing when it is null or zero.</summary>
    public static async Plan Run(HyperionDevices devices, double? energyEv)
    {
        ArgumentNullException.ThrowIfNull(devices);
        if (energyEv is not { } energy || energy == 0)
        {
            return;
        }

        await XbpmFeedbackPlans.TransmissionAndXbpmFeedbackForCollection(
            Preprocessors.SetRunKey(Preprocessors.RunWrapper(SetEnergy(devices, energy / 1000)), PlanNames.SetEnergy),
            devices.XbpmFeedback,
            devices.Attenuator,
            DesiredTransmissionFraction);
    }

    private static async Plan SetEnergy(HyperionDevices devices, double energyKev)
    {
        await Stubs.AbsSet(devices.Dcm.EnergyInKeV, energyKev, UndulatorGroup);
        await Stubs.AbsSet(devices.Undulator, energyKev, UndulatorGroup);
        await Stubs.Wait(UndulatorGroup);
    }
}
