using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// The subscribers of a simulated device's readings: a new subscriber gets the current reading at once, and
/// every change reaches all subscribers outside the device's lock (callbacks may read the device again).
/// </summary>
internal sealed class ReadingSubscribers(Func<IReadOnlyDictionary<string, Reading>> snapshot)
{
    private readonly Lock _gate = new();
    private readonly List<Action<IReadOnlyDictionary<string, Reading>>> _callbacks = [];

    public void Add(Action<IReadOnlyDictionary<string, Reading>> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _callbacks.Add(callback);
        }

        callback(snapshot());
    }

    public void Remove(Action<IReadOnlyDictionary<string, Reading>> callback)
    {
        lock (_gate)
        {
            _callbacks.Remove(callback);
        }
    }

    public void Notify()
    {
        Action<IReadOnlyDictionary<string, Reading>>[] callbacks;
        lock (_gate)
        {
            if (_callbacks.Count == 0)
            {
                return;
            }

            callbacks = [.. _callbacks];
        }

        var reading = snapshot();
        foreach (var callback in callbacks)
        {
            callback(reading);
        }
    }
}
