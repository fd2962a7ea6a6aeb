using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// A read-only signal whose value is computed or held in this process and stays live when its device connects in
/// mock mode (as ophyd-async's derived and soft signals do). The core swaps every signal to a fresh mock backend on
/// a mock connect, which would freeze a derived value at its default and cut a soft setter off from readers.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class LocalSignalR<T>(ISignalBackend<T> backend, string name = "") : SignalR<T>(backend, name)
{
    /// <summary>A signal computed by <paramref name="get"/> on every read.</summary>
    public static LocalSignalR<T> Derived(Func<CancellationToken, Task<T>> get, string? units = null) =>
        new(new DelegateSignalBackend<T>(get, metadata: new SignalMetadata { Units = units }));

    /// <summary>A soft signal and the action that sets it, which readers and subscribers see in mock mode too.</summary>
    public static (LocalSignalR<T> Signal, Action<T> Setter) WithSetter(T initial)
    {
        var soft = new SoftSignalBackend<T>(initial);
        return (new LocalSignalR<T>(soft), value => soft.SetValue(value));
    }

    /// <inheritdoc/>
    protected override Task ConnectCoreAsync(DeviceConnectOptions options, CancellationToken cancellationToken) => Task.CompletedTask;
}
