using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated scalar signal (ophyd.sim's SynSignal): a value that can be read, set, monitored, and changed
/// from outside with <see cref="Put"/> (e.g. a ring current that drops, for suspender tests).
/// </summary>
public sealed class SynSignal : IReadable, IMovable, ISubscribable, IHasHints
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ReadingSubscribers _subscribers;
    private object? _value;
    private double _timestamp;

    /// <summary>Creates the signal holding <paramref name="initial"/>.</summary>
    public SynSignal(string name, object? initial = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _time = time ?? TimeProvider.System;
        _value = initial ?? 0.0;
        _timestamp = SimClock.Now(_time);
        _subscribers = new ReadingSubscribers(Snapshot);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The current value.</summary>
    public object? Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    /// <inheritdoc />
    public Hints Hints => new() { Fields = [Name] };

    /// <summary>Changes the value and notifies subscribers, as the hardware would.</summary>
    public void Put(object? value)
    {
        lock (_gate)
        {
            _value = value;
            _timestamp = SimClock.Now(_time);
        }

        Notify();
    }

    /// <inheritdoc />
    public Status Set(object? value)
    {
        Put(value);
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) => new(Snapshot());

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var value = Value;
        var key = value switch
        {
            string => DataKey.String($"SIM:{Name}"),
            bool => new DataKey { Dtype = "boolean", Shape = [], Source = $"SIM:{Name}", DtypeNumpy = "|b1" },
            int or long => DataKey.Integer($"SIM:{Name}"),
            _ => DataKey.Number($"SIM:{Name}"),
        };
        return new(new Dictionary<string, DataKey>(StringComparer.Ordinal) { [Name] = key });
    }

    /// <inheritdoc />
    public void Subscribe(Action<IReadOnlyDictionary<string, Reading>> callback) => _subscribers.Add(callback);

    /// <inheritdoc />
    public void ClearSubscription(Action<IReadOnlyDictionary<string, Reading>> callback) => _subscribers.Remove(callback);

    /// <inheritdoc />
    public override string ToString() => $"SynSignal({Name})";

    private Dictionary<string, Reading> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, Reading>(1, StringComparer.Ordinal) { [Name] = new(_value, _timestamp) };
        }
    }

    private void Notify() => _subscribers.Notify();
}
