using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated motor (ophyd.sim's SynAxis): reads its readback and setpoint, moves instantly or over
/// <see cref="MoveTime"/>, refuses targets outside its limits, and can be stopped mid-move.
/// </summary>
public sealed class SynAxis : IReadable, ILocatable, IStoppable, IHasHints, ICheckable, ISubscribable, IConfigurable, IHasParent
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ReadingSubscribers _subscribers;
    private double _readback;
    private double _setpoint;
    private double _timestamp;
    private CancellationTokenSource? _move;

    /// <summary>Creates the axis at <paramref name="initial"/>.</summary>
    public SynAxis(string name, double initial = 0, TimeProvider? time = null, object? parent = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Parent = parent;
        _time = time ?? TimeProvider.System;
        _readback = _setpoint = initial;
        _timestamp = SimClock.Now(_time);
        _subscribers = new ReadingSubscribers(Snapshot);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public object? Parent { get; }

    /// <summary>How long a move takes; zero moves instantly.</summary>
    public TimeSpan MoveTime { get; set; }

    /// <summary>The lowest allowed target.</summary>
    public double LowLimit { get; set; } = double.NegativeInfinity;

    /// <summary>The highest allowed target.</summary>
    public double HighLimit { get; set; } = double.PositiveInfinity;

    /// <summary>Engineering units.</summary>
    public string Units { get; set; } = "mm";

    /// <summary>Number of moves started.</summary>
    public int MoveCount { get; private set; }

    /// <summary>Number of times stopped.</summary>
    public int StopCount { get; private set; }

    /// <summary>The current position.</summary>
    public double Position
    {
        get
        {
            lock (_gate)
            {
                return _readback;
            }
        }
    }

    /// <inheritdoc />
    public Hints Hints => new() { Fields = [Name] };

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) => new(Snapshot());

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey>(StringComparer.Ordinal)
        {
            [Name] = DataKey.Number($"SIM:{Name}", Units, 3) with { Limits = Limits() },
            [Name + "_setpoint"] = DataKey.Number($"SIM:{Name}_setpoint", Units, 3) with { Limits = Limits() },
        });

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, Reading>(StringComparer.Ordinal)
        {
            [Name + "_velocity"] = new(MoveTime == TimeSpan.Zero ? 0.0 : 1.0 / MoveTime.TotalSeconds, _timestamp),
        });

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey>(StringComparer.Ordinal) { [Name + "_velocity"] = DataKey.Number($"SIM:{Name}_velocity") });

    /// <inheritdoc />
    public Status Set(object? value)
    {
        var target = ToDouble(value);
        if (target < LowLimit || target > HighLimit)
        {
            return Status.FromException(new ArgumentOutOfRangeException(nameof(value), target,
                $"{Name} cannot move to {target} {Units}: outside its limits [{LowLimit}, {HighLimit}] {Units}."), this);
        }

        CancellationTokenSource move;
        lock (_gate)
        {
            _move?.Cancel();
            _setpoint = target;
            MoveCount++;
            if (MoveTime <= TimeSpan.Zero)
            {
                _readback = target;
                _timestamp = SimClock.Now(_time);
                _move = null;
                move = null!;
            }
            else
            {
                _move = move = new CancellationTokenSource();
            }
        }

        if (MoveTime <= TimeSpan.Zero)
        {
            Notify();
            return Status.CompletedFor(this);
        }

        return new Status(MoveAsync(target, move.Token), this);
    }

    /// <inheritdoc />
    public ValueTask<Location> LocateAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(new Location(_setpoint, _readback));
        }
    }

    /// <inheritdoc />
    public ValueTask StopAsync(bool success = true, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            StopCount++;
            _move?.Cancel();
            _move = null;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask CheckValueAsync(object? value, CancellationToken cancellationToken = default)
    {
        var target = ToDouble(value);
        if (target < LowLimit || target > HighLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(value), target, $"{Name} cannot move to {target} {Units}: outside its limits [{LowLimit}, {HighLimit}] {Units}.");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Subscribe(Action<IReadOnlyDictionary<string, Reading>> callback) => _subscribers.Add(callback);

    /// <inheritdoc />
    public void ClearSubscription(Action<IReadOnlyDictionary<string, Reading>> callback) => _subscribers.Remove(callback);

    /// <inheritdoc />
    public override string ToString() => $"SynAxis({Name})";

    private async Task MoveAsync(double target, CancellationToken token)
    {
        double start;
        lock (_gate)
        {
            start = _readback;
        }

        var steps = 10;
        for (var i = 1; i <= steps; i++)
        {
            await Task.Delay(MoveTime / steps, _time, token).ConfigureAwait(false);
            lock (_gate)
            {
                _readback = start + ((target - start) * i / steps);
                _timestamp = SimClock.Now(_time);
            }

            Notify();
        }

    }

    private Dictionary<string, Reading> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, Reading>(2, StringComparer.Ordinal)
            {
                [Name] = new(_readback, _timestamp),
                [Name + "_setpoint"] = new(_setpoint, _timestamp),
            };
        }
    }

    private void Notify() => _subscribers.Notify();

    private Limits? Limits() => double.IsInfinity(LowLimit) && double.IsInfinity(HighLimit)
        ? null
        : new Limits { Control = new LimitsRange(double.IsInfinity(LowLimit) ? null : LowLimit, double.IsInfinity(HighLimit) ? null : HighLimit) };

    internal static double ToDouble(object? value) =>
        MetadataValues.AsDouble(value) ?? throw new ArgumentException($"Expected a number, got {Messages.Msg.Describe(value)}.", nameof(value));
}
