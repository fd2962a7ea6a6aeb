using Hyperion.Devices.Backends;

namespace Hyperion.Devices.Signals;

/// <summary>Signals computed from other signals (ophyd-async's derived_signal_r / derived_signal_rw).</summary>
public static class Derived
{
    /// <summary>A read-only signal computed by <paramref name="get"/>, recomputed for subscribers when <paramref name="sources"/> change.</summary>
    public static SignalR<T> SignalR<T>(Func<CancellationToken, Task<T>> get, string name = "", string? units = null, params IObservableSignal[] sources) =>
        new(new DerivedSignalBackend<T>(get, null, sources, new SignalMetadata { Units = units }), name);

    /// <summary>A read-write derived signal: reads compute with <paramref name="get"/>, writes go through <paramref name="put"/>.</summary>
    public static SignalRW<T> SignalRW<T>(Func<CancellationToken, Task<T>> get, Func<T, CancellationToken, Task> put, string name = "", string? units = null, params IObservableSignal[] sources) =>
        new(new DerivedSignalBackend<T>(get, put, sources, new SignalMetadata { Units = units }), name);
}
