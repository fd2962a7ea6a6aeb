using Hyperion.Devices.Backends;

namespace Hyperion.Devices.Signals;

/// <summary>Signals whose values live in memory (ophyd-async's soft_signal_rw / soft_signal_r_and_setter).</summary>
public static class Soft
{
    /// <summary>A read-write soft signal starting at <paramref name="initial"/>.</summary>
    public static SignalRW<T> SignalRW<T>(T? initial = default, string name = "", string? units = null, int? precision = null) =>
        new(new SoftSignalBackend<T>(initial, new SignalMetadata { Units = units, Precision = precision }), name);

    /// <summary>A read-only soft signal and the action that sets it (for a device's own derived state).</summary>
    public static (SignalR<T> Signal, Action<T> Setter) SignalRAndSetter<T>(T? initial = default, string name = "", string? units = null, int? precision = null)
    {
        var backend = new SoftSignalBackend<T>(initial, new SignalMetadata { Units = units, Precision = precision });
        return (new SignalR<T>(backend, name), value => backend.SetValue(value));
    }

    /// <summary>A read-only signal computed by <paramref name="get"/> each time it is read (see <see cref="Derived"/> for recomputing on source changes).</summary>
    public static SignalR<T> SignalR<T>(Func<CancellationToken, Task<T>> get, string name = "", string? units = null) => Derived.SignalR(get, name, units);

    /// <summary>A command signal that counts its triggers (a soft stand-in for a PROC field).</summary>
    public static SignalX SignalX(string name = "") => new(new SoftSignalBackend<int>(0), name);
}
