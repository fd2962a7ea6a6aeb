using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated detector (ophyd.sim's SynGauss): on trigger it computes
/// <c>amplitude · exp(−(x − center)² / 2σ²)</c> from a motor's position, plus optional seeded noise;
/// with no motor it counts a constant. Triggers finish at once or after <see cref="ExposureTime"/>.
/// </summary>
public sealed class SynGauss : IReadable, ITriggerable, IHasHints, IConfigurable, IStageable
{
    private readonly Lock _gate = new();
    private readonly SynAxis? _motor;
    private readonly TimeProvider _time;
    private readonly Random? _noise;
    private readonly Status _done;
    private double _value;
    private double _timestamp;

    /// <summary>Creates the detector.</summary>
    public SynGauss(string name, SynAxis? motor = null, double center = 0, double sigma = 1, double amplitude = 1, double noiseLevel = 0, int seed = 0, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _motor = motor;
        Center = center;
        Sigma = sigma;
        Amplitude = amplitude;
        NoiseLevel = noiseLevel;
        _noise = noiseLevel > 0 ? new Random(seed) : null;
        _time = time ?? TimeProvider.System;
        _value = amplitude;
        _done = Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Peak position.</summary>
    public double Center { get; set; }

    /// <summary>Peak width.</summary>
    public double Sigma { get; set; }

    /// <summary>Peak height.</summary>
    public double Amplitude { get; set; }

    /// <summary>Standard deviation of added noise.</summary>
    public double NoiseLevel { get; }

    /// <summary>How long each trigger takes; zero finishes at once.</summary>
    public TimeSpan ExposureTime { get; set; }

    /// <summary>Number of triggers.</summary>
    public int TriggerCount { get; private set; }

    /// <summary>Number of times staged and unstaged.</summary>
    public int StageCount { get; private set; }

    /// <summary>Number of times unstaged.</summary>
    public int UnstageCount { get; private set; }

    /// <inheritdoc />
    public Hints Hints => new() { Fields = [Name] };

    /// <inheritdoc />
    public Status Trigger()
    {
        TriggerCount++;
        if (ExposureTime <= TimeSpan.Zero)
        {
            Acquire();
            return _done;
        }

        return new Status(ExposeAsync(), this);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(new Dictionary<string, Reading>(1, StringComparer.Ordinal) { [Name] = new(_value, _timestamp) });
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey>(StringComparer.Ordinal) { [Name] = DataKey.Number($"SIM:{Name}", "counts", 4) });

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, Reading>(StringComparer.Ordinal)
        {
            [Name + "_center"] = new(Center, 0),
            [Name + "_sigma"] = new(Sigma, 0),
        });

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey>(StringComparer.Ordinal)
        {
            [Name + "_center"] = DataKey.Number($"SIM:{Name}_center"),
            [Name + "_sigma"] = DataKey.Number($"SIM:{Name}_sigma"),
        });

    /// <inheritdoc />
    public Status Stage()
    {
        StageCount++;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public Status Unstage()
    {
        UnstageCount++;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"SynGauss({Name})";

    private async Task ExposeAsync()
    {
        await Task.Delay(ExposureTime, _time).ConfigureAwait(false);
        Acquire();
    }

    private void Acquire()
    {
        var value = Amplitude;
        if (_motor is not null)
        {
            var dx = _motor.Position - Center;
            value = Amplitude * Math.Exp(-(dx * dx) / (2 * Sigma * Sigma));
        }

        lock (_gate)
        {
            if (_noise is not null)
            {
                // Box-Muller: a seeded normal deviate.
                var u1 = 1.0 - _noise.NextDouble();
                var u2 = _noise.NextDouble();
                value += NoiseLevel * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }

            _value = value;
            _timestamp = SimClock.Now(_time);
        }
    }
}
