using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// A signal computed from other signals. It keeps its derived backend when the tree connects in mock mode: its
/// sources are mocked instead, so tests drive it by setting the sources, as with ophyd-async's derived signals.
/// </summary>
/// <typeparam name="T">The derived value's type.</typeparam>
internal sealed class DerivedSignal<T> : SignalRW<T>
{
    private DerivedSignal(DerivedSignalBackend<T> backend)
        : base(backend)
    {
    }

    /// <summary>
    /// A signal computed by <paramref name="get"/>, recomputed when any of <paramref name="sources"/> updates; a
    /// put runs <paramref name="put"/> (read-only when null).
    /// </summary>
    public static DerivedSignal<T> Create<TSource>(Func<CancellationToken, Task<T>> get, Func<T, CancellationToken, Task>? put, string? units, params SignalR<TSource>[] sources) =>
        new(new DerivedSignalBackend<T>(get, [.. sources.Select(s => (Func<Action, IDisposable>)(changed => s.SubscribeValue(_ => changed())))], put, units));

    /// <inheritdoc/>
    protected override Task ConnectCoreAsync(DeviceConnectOptions options, CancellationToken cancellationToken) => Task.CompletedTask;
}
