using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// One EVENT_ADD on a channel: the client's subscription id, the DBR type and count it asked for, its mask, and
/// the bookkeeping of its pending updates in the circuit's <see cref="UpdateQueue"/>. Mutable state is guarded by
/// the circuit's output lock.
/// </summary>
internal sealed class ServerSubscription(ServerChannel channel, uint subscriptionId, ushort dataType, uint count, EventMask mask)
{
    public ServerChannel Channel { get; } = channel;

    public uint SubscriptionId { get; } = subscriptionId;

    public ushort DataType { get; } = dataType;

    public uint Count { get; } = count;

    public EventMask Mask { get; } = mask;

    /// <summary>The provider's subscription handle (null when the client may not read).</summary>
    public IDisposable? PvSubscription { get; set; }

    /// <summary>Set by EVENT_CANCEL, CLEAR_CHANNEL or circuit close: queued updates are then skipped.</summary>
    public bool Cancelled { get; set; }

    /// <summary>True once the immediate first update has been queued for the client.</summary>
    public bool InitialSent { get; set; }

    /// <summary>The latest update that arrived before the first one was sent (sent right after it).</summary>
    public DbrValue? EarlyUpdate { get; set; }

    /// <summary>Entries of this subscription in the update queue.</summary>
    public int Pending { get; set; }

    /// <summary>Ring index of this subscription's newest queued entry (valid while <see cref="Pending"/> &gt; 0).</summary>
    public int LastIndex { get; set; }
}
