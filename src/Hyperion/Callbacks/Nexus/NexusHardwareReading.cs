using Hyperion.Cli.Callbacks.Ispyb;

namespace Hyperion.Cli.Callbacks.Nexus;

/// <summary>
/// What a master file needs from the beamline during collection (mx-bluesky's
/// <c>create_beam_and_attenuator_parameters</c> and <c>vds_type_based_on_bit_depth</c>), read from the
/// <c>read_hardware_for_callbacks_during_collection</c> event.
/// </summary>
/// <param name="EnergyKev">The DCM's energy, keV.</param>
/// <param name="FluxPhotonsPerSecond">The flux at the sample.</param>
/// <param name="Transmission">The attenuators' transmission, a fraction.</param>
/// <param name="BitDepth">The Eiger's image bit depth.</param>
public sealed record NexusHardwareReading(double EnergyKev, double FluxPhotonsPerSecond, double Transmission, int BitDepth)
{
    /// <summary>The wavelength, Å (mx-bluesky's <c>convert_eV_to_angstrom</c>).</summary>
    public double WavelengthAngstrom => IspybMapping.WavelengthAngstrom(EnergyKev);

    /// <summary>Reads the event's energy, flux, transmission and bit depth.</summary>
    /// <param name="data">The hardware-read event's data.</param>
    /// <exception cref="EventDataException">A reading is missing.</exception>
    /// <exception cref="NexusCallbackException">The energy is not above zero.</exception>
    public static NexusHardwareReading From(EventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var energy = data.Double("dcm-energy_in_keV");
        if (!(energy > 0))
        {
            throw new NexusCallbackException(string.Empty, $"event {data.Event.Uid} ({data.DescriptorName}) reads an energy of {energy} keV; a master file needs a wavelength");
        }

        var bitDepth = data.OptionalDouble("eiger-bit_depth", "eiger_bit_depth") ?? throw data.Missing("eiger-bit_depth");
        return new NexusHardwareReading(energy, data.Double("flux-flux_reading"), data.Double("attenuator-actual_transmission"), (int)bitDepth);
    }
}
