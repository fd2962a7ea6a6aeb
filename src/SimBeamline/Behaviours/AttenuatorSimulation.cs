using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The binary-filter attenuator: sixteen aluminium foils of 25 µm × 2ⁿ. A desired transmission (T2A:SETVAL1) is
/// worked out at the DCM's energy into the foil combination whose thickness t gives exp(-μ(E)·t) closest to it
/// (DEC_TO_BIN and its bits); FANOUT moves the foils (FILTERn:INLIM after <see cref="MoveTime"/>) and MATCH reads
/// the transmission reached. μ(E) for Al scales as E⁻³ from 26.8 cm⁻¹ at 12.7 keV.
/// </summary>
public sealed class AttenuatorSimulation : TwinController<string>
{
    private const int Filters = 16;
    private const double FoilMicrons = 25;
    private const double MuAt12p7KeVPerCm = 26.8;
    private readonly TwinPvWriter _attenuator;
    private readonly TwinPvWriter _dcm;
    private readonly TimeProvider _time;

    /// <summary>Starts the attenuator on <paramref name="prefix"/> (e.g. BL03S-EA-ATTN-01:), reading the energy from <paramref name="dcmPrefix"/>.</summary>
    public AttenuatorSimulation(RecordDatabase records, string prefix, string dcmPrefix, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _attenuator = new TwinPvWriter(records, prefix);
        _dcm = new TwinPvWriter(records, dcmPrefix);
        _time = timeProvider ?? records.TimeProvider;
        _attenuator.Record("T2A:SETVAL1").Processed += _ => Post("CALCULATE");
        _attenuator.Record("FANOUT").Processed += _ => Post("MOVE");
        Start();
    }

    /// <summary>How long the foils take to move.</summary>
    public TimeSpan MoveTime { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The transmission of <paramref name="bits"/> (foil n in when bit n is set) at <paramref name="energyKeV"/>.</summary>
    public static double Transmission(int bits, double energyKeV)
    {
        var thicknessCm = 0.0;
        for (var i = 0; i < Filters; i++)
        {
            if ((bits & (1 << i)) != 0)
            {
                thicknessCm += FoilMicrons * (1 << i) * 1e-4;
            }
        }

        return Math.Exp(-Mu(energyKeV) * thicknessCm);
    }

    /// <summary>The foils that come closest to <paramref name="transmission"/> at <paramref name="energyKeV"/>.</summary>
    public static int FiltersFor(double transmission, double energyKeV)
    {
        if (transmission >= 1)
        {
            return 0;
        }

        var thicknessMicrons = -Math.Log(Math.Max(transmission, 1e-300)) / Mu(energyKeV) * 1e4;
        return (int)Math.Clamp(Math.Round(thicknessMicrons / FoilMicrons), 0, (1 << Filters) - 1);
    }

    private static double Mu(double energyKeV) => MuAt12p7KeVPerCm * Math.Pow(12.7 / Math.Max(energyKeV, 1), 3);

    private double EnergyKeV()
    {
        var energy = _dcm.Get("ENERGY.RBV").GetDouble();
        return energy > 0 ? energy : 12.7;
    }

    /// <inheritdoc/>
    protected override async Task HandleAsync(string command, CancellationToken cancellationToken)
    {
        var energy = EnergyKeV();
        if (command == "CALCULATE")
        {
            var bits = FiltersFor(_attenuator.Get("T2A:SETVAL1").GetDouble(), energy);
            await _attenuator.SetAsync("DEC_TO_BIN", bits, cancellationToken).ConfigureAwait(false);
            return;
        }

        var wanted = (int)_attenuator.Get("DEC_TO_BIN").GetDouble();
        await Task.Delay(MoveTime, _time, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < Filters; i++)
        {
            await _attenuator.SetAsync($"FILTER{i + 1}:INLIM", (wanted >> i) & 1, cancellationToken).ConfigureAwait(false);
        }

        await _attenuator.SetAsync("MATCH", Transmission(wanted, energy), cancellationToken).ConfigureAwait(false);
    }
}
