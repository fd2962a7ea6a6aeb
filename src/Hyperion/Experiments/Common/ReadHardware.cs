using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Cli.Experiments.Common;

/// <summary>
/// Reads beamline hardware into named events for the callbacks (mx-bluesky's read_hardware plans): ISPyB and Zocalo
/// key off the descriptor names in <see cref="DescriptorNames"/>.
/// </summary>
public static class ReadHardware
{
    /// <summary>One event named <paramref name="eventName"/> holding a reading of each of <paramref name="readables"/>.</summary>
    public static async Plan ReadHardwarePlan(IReadOnlyList<IReadable> readables, string eventName)
    {
        ArgumentNullException.ThrowIfNull(readables);
        await Stubs.Create(eventName);
        foreach (var readable in readables)
        {
            await Stubs.Read(readable);
        }

        await Stubs.Save();
    }

    /// <summary>The read that triggers zocalo when the Zocalo callback listens: the Odin file writer's id.</summary>
    public static Plan ReadHardwareForZocalo(HyperionDevices devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return ReadHardwarePlan([devices.Eiger.Odin.FileWriter.Id], DescriptorNames.ZocaloHwRead);
    }

    /// <summary>The beamline's state before a collection: undulator gap, ring mode, slits, goniometer and energy.</summary>
    public static Plan StandardReadHardwarePreCollection(HyperionDevices devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return ReadHardwarePlan(
            [devices.Undulator.CurrentGap, devices.Synchrotron.SynchrotronMode, devices.S4SlitGaps, devices.Smargon, devices.Dcm.EnergyInKeV],
            DescriptorNames.HardwareReadPre);
    }

    /// <summary>The beamline's state during a collection: aperture, transmission, flux, energy, detector settings and beam size.</summary>
    public static Plan StandardReadHardwareDuringCollection(HyperionDevices devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return ReadHardwarePlan(
            [
                devices.ApertureScatterguard, devices.Attenuator.ActualTransmission, devices.Flux.FluxReading, devices.Dcm.EnergyInKeV,
                devices.Eiger.BitDepth, devices.Eiger.Cam.RoiMode, devices.Beamsize,
            ],
            DescriptorNames.HardwareReadDuring);
    }
}
