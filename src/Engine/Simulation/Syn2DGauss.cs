using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated detector seeing a two-dimensional Gaussian spot (ophyd.sim's Syn2DGauss): on trigger it
/// computes <c>amplitude · exp(−((x − cx)² + (y − cy)²) / 2σ²)</c> from two motors' positions.
/// </summary>
public sealed class Syn2DGauss : IReadable, ITriggerable, IHasHints
{
    private readonly Lock _gate = new();
    private readonly SynAxis _x;
    private readonly SynAxis _y;
    private readonly TimeProvider _time;
    private readonly Status _done;
    private double _value;
    private double _timestamp;

    /// <summary>Creates the detector watching motors <paramref name="x"/> and <paramref name="y"/>.</summary>
    public Syn2DGauss(string name, SynAxis x, SynAxis y, double centerX = 0, double centerY = 0, double sigma = 1, double amplitude = 1, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Name = name;
        _x = x;
        _y = y;
        CenterX = centerX;
        CenterY = centerY;
        Sigma = sigma;
        Amplitude = amplitude;
        _time = time ?? TimeProvider.System;
        _done = Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Peak position along x.</summary>
    public double CenterX { get; }

    /// <summary>Peak position along y.</summary>
    public double CenterY { get; }

    /// <summary>Peak width.</summary>
    public double Sigma { get; }

    /// <summary>Peak height.</summary>
    public double Amplitude { get; }

    /// <inheritdoc />
    public Hints Hints => new() { Fields = [Name] };

    /// <inheritdoc />
    public Status Trigger()
    {
        var dx = _x.Position - CenterX;
        var dy = _y.Position - CenterY;
        lock (_gate)
        {
            _value = Amplitude * Math.Exp(-((dx * dx) + (dy * dy)) / (2 * Sigma * Sigma));
            _timestamp = SimClock.Now(_time);
        }

        return _done;
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
}
