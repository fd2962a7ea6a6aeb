using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.InProcess;

/// <summary>
/// One monitor on an <see cref="InProcessPvChannel"/>, served as <see cref="ServerCircuit"/> serves EVENT_ADD: the
/// current value first, then each <see cref="PvUpdate"/> whose events meet the mask (one arriving before the first is
/// sent is held, the latest only, and follows it). The PV's values are queued as they come and converted to the
/// subscription's type and count on the dispatcher, so the provider's thread only enqueues; the callback gets them
/// one at a time, in order, never under a lock.
/// </summary>
internal sealed class InProcessSubscription : IPvSubscription
{
    private readonly InProcessPvChannel _channel;
    private readonly Action<DbrValue> _onUpdate;
    private readonly Lock _sync = new();
    private readonly SerialDispatcher<DbrValue?> _dispatcher;
    private IServerPv? _pv;
    private DbrType _type;
    private IDisposable? _pvSubscription;
    private DbrValue? _early;
    private bool _initialSent;
    private bool _closed;

    /// <summary>Creates the subscription (not yet started).</summary>
    public InProcessSubscription(InProcessPvChannel channel, Action<DbrValue> onUpdate, EventMask mask, DbrCategory category, int count)
    {
        _channel = channel;
        _onUpdate = onUpdate;
        Mask = mask;
        Category = category;
        Count = count;
        _dispatcher = new SerialDispatcher<DbrValue?>(Deliver, e => InProcessLog.SubscriptionCallbackFailed(channel.Logger, channel.Name, e));
    }

    /// <inheritdoc />
    public IPvChannel Channel => _channel;

    /// <summary>The events selected.</summary>
    public EventMask Mask { get; }

    /// <summary>The metadata category of the updates.</summary>
    public DbrCategory Category { get; }

    /// <summary>Elements per update (0: the current length).</summary>
    public int Count { get; }

    /// <summary>Starts the subscription on the connected channel's PV (EVENT_ADD); called at each connection, outside the channel's lock.</summary>
    public void Start(IServerPv pv, DbrType nativeType, AccessRights rights)
    {
        if (!PvValueConversion.CountFits((uint)Count, pv.MaxElements, allowZeroCount: true))
        {
            // The server answers ERROR(ECA_BADCOUNT), which the CA client only reports: no updates come.
            InProcessLog.SubscriptionRefused(_channel.Logger, _channel.Name, Eca.Badcount, $"{Count} elements requested, the PV has {pv.MaxElements}");
            return;
        }

        if (!rights.HasFlag(AccessRights.Read))
        {
            // The first update says ECA_NORDACCESS and none follow (rsrv disables the event); the CA client logs it.
            InProcessLog.SubscriptionUpdateFailed(_channel.Logger, _channel.Name, Eca.Nordaccess);
            return;
        }

        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            _pv = pv;
            _type = DbrTypes.Of(nativeType, Category);
        }

        IDisposable? handle = null;
        try
        {
            handle = pv.Subscribe(OnPvUpdate);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            InProcessLog.SubscribeFailed(_channel.Logger, _channel.Name, ex);
        }

        // The current value at once (event_add_action's db_post_single_event); null reports ECA_GETFAIL.
        var current = _channel.TryRead(pv);
        lock (_sync)
        {
            if (!_closed)
            {
                _pvSubscription = handle;
                handle = null;
                _dispatcher.Post(current);
                _initialSent = true;
                if (_early is { } early)
                {
                    _early = null;
                    _dispatcher.Post(early);
                }
            }
        }

        // Closed meanwhile: the PV must not keep calling.
        DisposeQuietly(handle);
    }

    /// <summary>Ends the PV's subscription while the channel is disconnected; the next <see cref="Start"/> resumes it.</summary>
    public void Suspend()
    {
        IDisposable? handle;
        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            handle = _pvSubscription;
            _pvSubscription = null;
            _initialSent = false;
            _early = null;
        }

        DisposeQuietly(handle);
    }

    /// <summary>Stops delivery and ends the PV's subscription.</summary>
    public void Close()
    {
        IDisposable? handle;
        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _early = null;
            handle = _pvSubscription;
            _pvSubscription = null;
            _dispatcher.Close();
        }

        DisposeQuietly(handle);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _channel.Unsubscribe(this);
        return ValueTask.CompletedTask;
    }

    private void OnPvUpdate(PvUpdate update)
    {
        if (update is null || (update.Events & Mask) == 0)
        {
            return;
        }

        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            if (!_initialSent)
            {
                _early = update.Value;
                return;
            }

            _dispatcher.Post(update.Value);
        }
    }

    /// <summary>On the dispatcher: converts a PV value to the subscription's type and count and hands it to the callback.</summary>
    private void Deliver(DbrValue? value)
    {
        var status = Eca.Getfail;
        DbrValue reply = null!;
        if (value is not null)
        {
            status = _channel.Reply(_pv!, _type, (uint)Count, value, out reply);
        }

        if (status != Eca.Normal)
        {
            InProcessLog.SubscriptionUpdateFailed(_channel.Logger, _channel.Name, status);
            return;
        }

        _onUpdate(reply);
    }

    private void DisposeQuietly(IDisposable? handle)
    {
        try
        {
            handle?.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A provider failing to unsubscribe must not fail the client's disposal.
            InProcessLog.UnsubscribeFailed(_channel.Logger, _channel.Name, ex);
        }
    }
}
