using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Behaviours;

namespace Hyperion.SimBeamline.Beam;

/// <summary>
/// The beam the optics deliver to the sample. Its flux is <see cref="FullFlux"/> times the ring current's share of
/// 300 mA, times the undulator's tuning (<see cref="UndulatorModel.FluxFactor"/> of the gap readback at the DCM's
/// energy), times the mini-aperture's share (<see cref="ApertureModel"/>); its size is the focused
/// <see cref="FocusedSizeXMicrons"/> × <see cref="FocusedSizeYMicrons"/> cut down to the hole's diameter. The IOC side
/// follows the axes: the aperture's Y:LARGE_CALC, Y:MEDIUM_CALC and Y:SMALL_CALC read 1 at their hole (what dodal's
/// selected_aperture reads), the undulator's CURRGAPD follows its gap motor and IDBLENA reads ENABLED, and the flux
/// monitor's SAMP reads the flux at the sample.
/// </summary>
public sealed class BeamSimulation : TwinController<bool>
{
    private const double FullCurrent = 300;
    private readonly TwinPvWriter _aperture;
    private readonly TwinPvWriter _undulator;
    private readonly TwinPvWriter _dcm;
    private readonly TwinPvWriter _ring;
    private readonly TwinPvWriter _flux;
    private readonly List<IDisposable> _subscriptions = [];
    private int _refreshPending;

    /// <summary>Starts the beam of the beamline <paramref name="beamlinePrefix"/> (e.g. BL03S) and its insertion device <paramref name="insertionPrefix"/> (e.g. SR03S).</summary>
    /// <exception cref="InvalidOperationException">A PV the beam depends on is missing from the twin.</exception>
    public BeamSimulation(RecordDatabase records, string beamlinePrefix, string insertionPrefix, ApertureModel aperture, UndulatorModel undulator)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(aperture);
        ArgumentNullException.ThrowIfNull(undulator);
        Aperture = aperture;
        Undulator = undulator;
        _aperture = new TwinPvWriter(records, $"{beamlinePrefix}-MO-MAPT-01:");
        _undulator = new TwinPvWriter(records, $"{insertionPrefix}-MO-SERVC-01:");
        _dcm = new TwinPvWriter(records, $"{beamlinePrefix}-MO-DCM-01:");
        _ring = new TwinPvWriter(records, "SR-DI-DCCT-01:");
        _flux = new TwinPvWriter(records, $"{beamlinePrefix}-MO-FLUX-01:");

        // The full flux is what makes the large hole pass the flux the renderer's intensities were calibrated for.
        FullFlux = 1e12 / aperture.FluxFactor(Devices.Mx.Aperture.ApertureValue.Large);
        string[] watched =
        [
            _aperture.Name("X.RBV"), _aperture.Name("Y.RBV"), _aperture.Name("Z.RBV"), _undulator.Name("BLGAPMTR.RBV"),
            _dcm.Name("ENERGY.RBV"), _ring.Name("SIGNAL"),
        ];
        foreach (var name in watched)
        {
            var pv = records.Find(name);
            if (pv is null)
            {
                Unsubscribe();
                throw new InvalidOperationException($"The twin has no PV {name} for the beam to follow.");
            }

            // Updates arrive from the database's dispatcher: only ask for a refresh.
            _subscriptions.Add(pv.Subscribe(_ => RequestRefresh()));
        }

        Start();
    }

    /// <summary>The mini-aperture's positions and flux factors.</summary>
    public ApertureModel Aperture { get; }

    /// <summary>The undulator's gap table and line width.</summary>
    public UndulatorModel Undulator { get; }

    /// <summary>The flux (photons/s) at 300 mA, tuned, with no aperture.</summary>
    public double FullFlux { get; init; }

    /// <summary>The focused beam's full width at half maximum across (x), µm.</summary>
    public double FocusedSizeXMicrons { get; init; } = 80;

    /// <summary>The focused beam's full width at half maximum up (y), µm.</summary>
    public double FocusedSizeYMicrons { get; init; } = 20;

    /// <summary>The beam at the sample now, from the axes' readbacks.</summary>
    public BeamAtSample Current()
    {
        var energy = _dcm.Get("ENERGY.RBV").GetDouble();
        var aperture = Aperture.StateAt(_aperture.Get("X.RBV").GetDouble(), _aperture.Get("Y.RBV").GetDouble(), _aperture.Get("Z.RBV").GetDouble());
        var undulator = Undulator.FluxFactor(_undulator.Get("BLGAPMTR.RBV").GetDouble(), energy);
        var ring = Math.Clamp(_ring.Get("SIGNAL").GetDouble() / FullCurrent, 0, 1);
        var flux = FullFlux * ring * undulator * aperture.FluxFactor;
        var (sizeX, sizeY) = (Math.Min(FocusedSizeXMicrons, aperture.DiameterMicrons), Math.Min(FocusedSizeYMicrons, aperture.DiameterMicrons));
        if (!(sizeX > 0 && sizeY > 0))
        {
            // Blocked: no photons, the focused size kept so the beam stays describable.
            (sizeX, sizeY) = (FocusedSizeXMicrons, FocusedSizeYMicrons);
        }

        return new BeamAtSample(BeamGeometry.FromEnergy(energy > 0 ? energy : 12.7, flux, sizeX, sizeY), aperture, undulator, ring);
    }

    /// <inheritdoc/>
    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _undulator.SetAsync("IDBLENA", "ENABLED", cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override Task HandleAsync(bool command, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _refreshPending, 0);
        return RefreshAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task OnDisposeAsync()
    {
        Unsubscribe();
        return Task.CompletedTask;
    }

    private void RequestRefresh()
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) == 0)
        {
            Post(true);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var (y, z) = (_aperture.Get("Y.RBV").GetDouble(), _aperture.Get("Z.RBV").GetDouble());
        foreach (var hole in new[] { Devices.Mx.Aperture.ApertureValue.Large, Devices.Mx.Aperture.ApertureValue.Medium, Devices.Mx.Aperture.ApertureValue.Small })
        {
            var inPosition = Aperture.IsAt(hole, y, z) ? 1 : 0;
            var suffix = $"Y:{hole.ToString().ToUpperInvariant()}_CALC";
            if (_aperture.Get(suffix).GetDouble() != inPosition)
            {
                await _aperture.SetAsync(suffix, inPosition, cancellationToken).ConfigureAwait(false);
            }
        }

        await _undulator.SetAsync("CURRGAPD", _undulator.Get("BLGAPMTR.RBV").GetDouble(), cancellationToken).ConfigureAwait(false);
        await _flux.SetAsync("SAMP", Current().Beam.FluxPhotonsPerSecond, cancellationToken).ConfigureAwait(false);
    }

    private void Unsubscribe()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
    }
}
