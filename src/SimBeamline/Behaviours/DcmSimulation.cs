using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The double-crystal monochromator's kinematics: a new ENERGY setpoint drives WAVELENGTH (λ = hc / E) and BRAGG
/// (θ = asin(λ / 2d)) for Si(111), d = 3.1356 Å, as the DCM's IOC couples them; DSPACING and the crystal
/// temperatures read as a cryo-cooled DCM's do.
/// </summary>
public sealed class DcmSimulation : TwinController<double>
{
    /// <summary>hc in keV·Å.</summary>
    public const double HcKeVAngstrom = 12.398419843320026;

    /// <summary>The Si(111) d-spacing in Å (dodal's crystal metadata: 0.31356 nm).</summary>
    public const double Si111DSpacing = 3.1356;

    private readonly TwinPvWriter _dcm;
    private double _lastEnergy = double.NaN;

    /// <summary>Starts the coupling on the records under <paramref name="prefix"/> (e.g. BL03S-MO-DCM-01:).</summary>
    public DcmSimulation(RecordDatabase records, string prefix)
    {
        ArgumentNullException.ThrowIfNull(records);
        _dcm = new TwinPvWriter(records, prefix);
        // The handler runs under the database's lock: it reads the record it was given, nothing else.
        _dcm.Record("ENERGY").Processed += record =>
        {
            var energy = record.ValueField.Number;
            if (energy != _lastEnergy)
            {
                _lastEnergy = energy;
                Post(energy);
            }
        };
        Start();
    }

    /// <summary>The Bragg angle in degrees for <paramref name="energyKeV"/>; NaN below the Si(111) edge.</summary>
    public static double BraggDegrees(double energyKeV) => Math.Asin(HcKeVAngstrom / energyKeV / (2 * Si111DSpacing)) * 180 / Math.PI;

    /// <inheritdoc/>
    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _dcm.SetAsync("DSPACING:RBV", Si111DSpacing, cancellationToken).ConfigureAwait(false);
        double[] temperatures = [78.2, 79.1, 85.6, 86.3, 95.0, 101.4, 99.8];
        for (var i = 0; i < temperatures.Length; i++)
        {
            await _dcm.SetAsync($"TEMP{i + 1}", temperatures[i], cancellationToken).ConfigureAwait(false);
        }

        // The wavelength and Bragg angle of the energy the twin starts at.
        var energy = _dcm.Get("ENERGY").GetDouble();
        if (energy > 0)
        {
            await HandleAsync(energy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override async Task HandleAsync(double energy, CancellationToken cancellationToken)
    {
        var bragg = BraggDegrees(energy);
        if (energy <= 0 || double.IsNaN(bragg))
        {
            return;
        }

        // The coupled axes follow without holding up the energy move's own completion.
        await Task.WhenAll(
            _dcm.SetAsync("WAVELENGTH", HcKeVAngstrom / energy, cancellationToken),
            _dcm.SetAsync("BRAGG", bragg, cancellationToken)).ConfigureAwait(false);
    }
}
