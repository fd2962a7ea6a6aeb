using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Pv;

/// <summary>
/// One process variable as the device layer sees it: connection state and metadata, get, put (optionally
/// waiting for completion, as a motor's VAL completes when its move ends) and subscriptions. Implemented by
/// the Channel Access client and by the twin's in-process client, with identical behaviour.
/// </summary>
public interface IPvChannel : IAsyncDisposable
{
    /// <summary>The PV name.</summary>
    string Name { get; }

    /// <summary>The current connection state.</summary>
    PvConnectionState State { get; }

    /// <summary>The channel's metadata once connected (refreshed on each reconnection), else null.</summary>
    PvMetadata? Metadata { get; }

    /// <summary>Raised (on any thread) whenever the connection state changes.</summary>
    event Action<IPvChannel, PvConnectionState>? StateChanged;

    /// <summary>Waits until connected; throws <see cref="PvTimeoutException"/> naming the PV after <paramref name="timeout"/>.</summary>
    Task WaitForConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the value in the channel's native type with the metadata of <paramref name="category"/>;
    /// <paramref name="count"/> 0 reads the current length. Throws <see cref="PvException"/> with the ECA status on failure.
    /// </summary>
    ValueTask<DbrValue> GetAsync(DbrCategory category = DbrCategory.Time, int count = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="value"/> (converted by the server to the native type). With <paramref name="wait"/>
    /// the task completes when the PV has finished processing the write (put-callback); throws
    /// <see cref="PvException"/> with the ECA status when the write is refused or fails.
    /// </summary>
    ValueTask PutAsync(DbrValue value, bool wait = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes: <paramref name="onUpdate"/> receives the current value at once, then each change selected by
    /// <paramref name="mask"/>, in order. Updates are delivered on a thread of the client, one at a time per subscription.
    /// </summary>
    IPvSubscription Subscribe(Action<DbrValue> onUpdate, EventMask mask = EventMask.Value | EventMask.Alarm, DbrCategory category = DbrCategory.Time, int count = 0);
}
