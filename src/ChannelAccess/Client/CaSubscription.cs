using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Pv;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// One monitor on a <see cref="CaChannel"/>: its id, mask, category and count survive reconnections (the EVENT_ADD
/// is sent again on each), and its updates reach the callback one at a time, in order.
/// </summary>
internal sealed class CaSubscription : IPvSubscription
{
    private readonly CaChannel _channel;
    private readonly SerialDispatcher<DbrValue> _dispatcher;

    /// <summary>Creates the subscription (not yet sent).</summary>
    public CaSubscription(CaChannel channel, uint id, Action<DbrValue> onUpdate, EventMask mask, DbrCategory category, int count)
    {
        _channel = channel;
        Id = id;
        Mask = mask;
        Category = category;
        Count = count;
        _dispatcher = new SerialDispatcher<DbrValue>(onUpdate, e => CaClientLog.SubscriptionCallbackFailed(channel.Logger, channel.Name, e));
    }

    /// <inheritdoc />
    public IPvChannel Channel => _channel;

    /// <summary>The subscription id (EVENT_ADD p2).</summary>
    public uint Id { get; }

    /// <summary>The events selected.</summary>
    public EventMask Mask { get; }

    /// <summary>The metadata category of the updates.</summary>
    public DbrCategory Category { get; }

    /// <summary>Elements per update (0: the current length).</summary>
    public int Count { get; }

    /// <summary>The DBR type of the EVENT_ADD on the current circuit, or null while not subscribed on one.</summary>
    public DbrType? ActiveType { get; set; }

    /// <summary>True once disposed.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Queues an update for the callback.</summary>
    public void Deliver(DbrValue value) => _dispatcher.Post(value);

    /// <summary>Stops delivery (called under the client lock).</summary>
    public void Close()
    {
        IsClosed = true;
        ActiveType = null;
        _dispatcher.Close();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _channel.Unsubscribe(this);
        return ValueTask.CompletedTask;
    }
}
