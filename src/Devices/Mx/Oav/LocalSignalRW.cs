using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// A read-write signal derived from other signals (ophyd-async's derived_signal_rw): reads and writes run device
/// code, in mock mode too (see <see cref="LocalSignalR{T}"/> for why it is never swapped to a mock backend).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class LocalSignalRW<T>(ISignalBackend<T> backend, string name = "") : SignalRW<T>(backend, name)
{
    /// <summary>A signal that reads through <paramref name="get"/> and writes through <paramref name="put"/>.</summary>
    public static LocalSignalRW<T> Derived(Func<CancellationToken, Task<T>> get, Func<T, CancellationToken, Task> put, string? units = null) =>
        new(new DelegateSignalBackend<T>(get, put, new SignalMetadata { Units = units }));

    /// <inheritdoc/>
    protected override Task ConnectCoreAsync(DeviceConnectOptions options, CancellationToken cancellationToken) => Task.CompletedTask;
}
