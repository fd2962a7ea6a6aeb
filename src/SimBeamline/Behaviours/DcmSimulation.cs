using System.Threading.Channels;
using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The double-crystal monochromator's kinematics: a new ENERGY setpoint drives WAVELENGTH (λ = hc / E) and BRAGG
/// (θ = asin(λ / 2d)) for Si(111), d = 3.1356 Å, as the DCM's IOC couples them; DSPACING and the crystal
/// temperatures read as a cryo-cooled DCM's do.
/// </summary>
public sealed class DcmSimulation : IAsyncDisposable
{
    /// <summary>hc in keV·Å.</summary>
    public const double HcKeVAngstrom = 12.398419843320026;

    /// <summary>The Si(111) d-spacing in Å (dodal's crystal metadata: 0.31356 nm).</summary>
    public const double Si111DSpacing = 3.1356;

    private readonly TwinPvWriter _dcm;
    private readonly Channel<double> _energies = Channel.CreateUnbounded<double>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
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
                _energies.Writer.TryWrite(energy);
            }
        };
        _worker = RunAsync(_stop.Token);
    }

    /// <summary>The last failure to move the coupled axes.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>The Bragg angle in degrees for <paramref name="energyKeV"/>; NaN below the Si(111) edge.</summary>
    public static double BraggDegrees(double energyKeV) => Math.Asin(HcKeVAngstrom / energyKeV / (2 * Si111DSpacing)) * 180 / Math.PI;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _energies.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _dcm.SetAsync("DSPACING:RBV", Si111DSpacing, cancellationToken).ConfigureAwait(false);
            double[] temperatures = [78.2, 79.1, 85.6, 86.3, 95.0, 101.4, 99.8];
            for (var i = 0; i < temperatures.Length; i++)
            {
                await _dcm.SetAsync($"TEMP{i + 1}", temperatures[i], cancellationToken).ConfigureAwait(false);
            }

            await foreach (var energy in _energies.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var bragg = BraggDegrees(energy);
                if (energy <= 0 || double.IsNaN(bragg))
                {
                    continue;
                }

                // The coupled axes follow without holding up the energy move's own completion.
                await Task.WhenAll(
                    _dcm.SetAsync("WAVELENGTH", HcKeVAngstrom / energy, cancellationToken),
                    _dcm.SetAsync("BRAGG", bragg, cancellationToken)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException e)
        {
            LastError = e;
        }
    }
}
