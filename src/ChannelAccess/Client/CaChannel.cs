using System.Net;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Pv;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// A Channel Access channel: found by search, created on its server's circuit (ACCESS_RIGHTS then CREATE_CHAN),
/// and connected once its DBR_CTRL_* metadata has been read. It keeps its client id and subscriptions across
/// reconnections; requests pending when its circuit goes fail with <see cref="PvException"/> (ECA_DISCONN).
/// Besides <see cref="IPvChannel"/> it offers raw reads and writes with an explicit DBR type.
/// </summary>
public sealed class CaChannel : IPvChannel
{
    private readonly CaClient _client;
    private readonly List<CaSubscription> _subscriptions = [];
    private readonly SerialDispatcher<PvConnectionState> _stateEvents;
    private TaskCompletionSource _connected = NewConnectedSource();
    private volatile PvMetadata? _metadata;
    private volatile int _state = (int)PvConnectionState.Disconnected;
    private ChannelPhase _phase = ChannelPhase.Searching;
    private AccessRights _rights = AccessRights.None;

    internal CaChannel(CaClient client, string name, uint cid)
    {
        _client = client;
        Name = name;
        Cid = cid;
        _stateEvents = new SerialDispatcher<PvConnectionState>(
            state => StateChanged?.Invoke(this, state),
            e => CaClientLog.StateHandlerFailed(Logger, Name, e));
    }

    private enum ChannelPhase
    {
        Searching,
        Creating,
        ReadingMetadata,
        Connected,
        Closed,
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public PvConnectionState State => (PvConnectionState)_state;

    /// <inheritdoc />
    public PvMetadata? Metadata => _metadata;

    /// <summary>The server the channel is (or is being) created on, or null while it is searched for.</summary>
    public IPEndPoint? Server
    {
        get
        {
            lock (Sync)
            {
                return Connection?.Server;
            }
        }
    }

    /// <inheritdoc />
    public event Action<IPvChannel, PvConnectionState>? StateChanged;

    internal uint Cid { get; }

    internal uint Sid { get; private set; }

    internal DbrType NativeType { get; private set; }

    internal uint NativeCount { get; private set; }

    internal CaCircuitConnection? Connection { get; private set; }

    internal ILogger Logger => _client.Logger;

    private Lock Sync => _client.Sync;

    /// <inheritdoc />
    public Task WaitForConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Task connected;
        lock (Sync)
        {
            if (_phase == ChannelPhase.Closed)
            {
                throw Closed("connect");
            }

            if (_phase == ChannelPhase.Connected)
            {
                return Task.CompletedTask;
            }

            connected = _connected.Task;
        }

        return WaitAsync(connected, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<DbrValue> GetAsync(DbrCategory category = DbrCategory.Time, int count = 0, CancellationToken cancellationToken = default)
    {
        PvRequestChecks.ReadCategory(category);
        return ReadAsync(null, category, count, cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="count"/> elements (0: the current length) as exactly <paramref name="type"/>, any DBR
    /// type the server can convert to (DBR_CLASS_NAME, DBR_STSACK_STRING included).
    /// </summary>
    public ValueTask<DbrValue> GetAsync(DbrType type, int count = 0, CancellationToken cancellationToken = default)
    {
        PvRequestChecks.Type(type);
        return ReadAsync(type, DbrCategory.Plain, count, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask PutAsync(DbrValue value, bool wait = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WriteAsync(value.ValueType, value, wait, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="value"/> converted here to <paramref name="type"/> (for instance DBR_PUT_ACKS, or a
    /// string sent as DBR_STRING for the server to parse). With <paramref name="wait"/> it completes when the PV has
    /// finished processing (WRITE_NOTIFY); cancelling stops the wait, not the write.
    /// </summary>
    public ValueTask PutAsync(DbrType type, DbrValue value, bool wait = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        PvRequestChecks.Type(type);
        return WriteAsync(type, value, wait, cancellationToken);
    }

    /// <inheritdoc />
    public IPvSubscription Subscribe(Action<DbrValue> onUpdate, EventMask mask = EventMask.Value | EventMask.Alarm, DbrCategory category = DbrCategory.Time, int count = 0)
    {
        PvRequestChecks.Subscription(Name, onUpdate, mask, category, count);

        lock (Sync)
        {
            if (_phase == ChannelPhase.Closed)
            {
                throw Closed("subscribe");
            }

            var subscription = new CaSubscription(this, _client.NextId(), onUpdate, mask, category, count);
            _subscriptions.Add(subscription);
            _client.AddSubscription(subscription);
            if (_phase == ChannelPhase.Connected)
            {
                SendSubscription(subscription);
            }

            return subscription;
        }
    }

    /// <summary>Closes the channel (CLEAR_CHANNEL): pending requests fail, subscriptions end, the state becomes Closed.</summary>
    public ValueTask DisposeAsync()
    {
        lock (Sync)
        {
            Close();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({State})";

    // ---- called by the client, under its lock ----

    internal void Resolve(CaCircuitConnection connection)
    {
        _phase = ChannelPhase.Creating;
        Connection = connection;
        connection.Channels.Add(this);
        connection.Circuit.CreateChannel(Cid, Name);
    }

    internal void OnAccessRights(AccessRights rights)
    {
        _rights = rights;
        if (_metadata is { } metadata)
        {
            _metadata = metadata with { Rights = rights };
        }
    }

    internal void OnCreated(uint sid, ushort nativeType, uint count)
    {
        if (_phase != ChannelPhase.Creating || Connection is not { } connection)
        {
            return;
        }

        Sid = sid;
        NativeType = DbrTypes.IsNative((DbrType)nativeType) ? (DbrType)nativeType : DbrType.String;
        NativeCount = Math.Min(count, int.MaxValue);
        _phase = ChannelPhase.ReadingMetadata;
        if (!_rights.HasFlag(AccessRights.Read))
        {
            SetConnected(new PvMetadata(NativeType, (int)NativeCount, _rights, string.Empty, 0, DbrLimits.None, []));
            return;
        }

        var operation = _client.StartOperation(this, connection, PendingOperationKind.Metadata);
        connection.Circuit.ReadNotify(DbrTypes.Of(NativeType, DbrCategory.Control), 1, count, sid, operation.Ioid);
    }

    internal void OnMetadata(EcaStatus status, DbrValue? value)
    {
        if (_phase != ChannelPhase.ReadingMetadata)
        {
            return;
        }

        if (value is null)
        {
            CaClientLog.MetadataReadFailed(Logger, Name, status.Name);
            SetConnected(new PvMetadata(NativeType, (int)NativeCount, _rights, string.Empty, 0, DbrLimits.None, []));
            return;
        }

        SetConnected(new PvMetadata(NativeType, (int)NativeCount, _rights, value.Units, value.Precision, value.Limits, value.EnumStrings));
    }

    /// <summary>
    /// The channel left its circuit (the circuit went, or the server dropped or refused the channel). Returns
    /// whether it had connected there.
    /// </summary>
    internal bool Detach(string reason)
    {
        if (_phase is ChannelPhase.Closed or ChannelPhase.Searching)
        {
            return false;
        }

        var connection = Connection!;
        var wasConnected = _phase == ChannelPhase.Connected;
        connection.Channels.Remove(this);
        CaClient.FailOperations(connection, this, $"the channel disconnected: {reason}", Eca.Disconn);
        Connection = null;
        Sid = 0;
        _phase = ChannelPhase.Searching;
        _metadata = null;
        foreach (var subscription in _subscriptions)
        {
            subscription.ActiveType = null;
        }

        if (wasConnected)
        {
            CaClientLog.ChannelDisconnected(Logger, Name, connection.Server, reason);
            _connected = NewConnectedSource();
            SetState(PvConnectionState.Disconnected);
        }

        return wasConnected;
    }

    internal void Unsubscribe(CaSubscription subscription)
    {
        lock (Sync)
        {
            if (subscription.IsClosed)
            {
                return;
            }

            if (subscription.ActiveType is { } type && _phase == ChannelPhase.Connected && Connection is { } connection)
            {
                connection.Circuit.EventCancel(type, (uint)subscription.Count, NativeCount, Sid, subscription.Id);
            }

            _subscriptions.Remove(subscription);
            _client.RemoveSubscription(subscription);
            subscription.Close();
        }
    }

    internal void Close()
    {
        if (_phase == ChannelPhase.Closed)
        {
            return;
        }

        if (Connection is { } connection)
        {
            if (_phase is ChannelPhase.ReadingMetadata or ChannelPhase.Connected)
            {
                connection.Circuit.ClearChannel(Sid, Cid);
            }

            connection.Channels.Remove(this);
            CaClient.FailOperations(connection, this, "the channel was closed", Eca.Chandestroy);
        }

        foreach (var subscription in _subscriptions)
        {
            _client.RemoveSubscription(subscription);
            subscription.Close();
        }

        _subscriptions.Clear();
        Connection = null;
        _phase = ChannelPhase.Closed;
        _metadata = null;
        _client.RemoveChannel(this);
        _connected.TrySetException(Closed("connect"));
        _connected.Task.Exception?.Handle(_ => true);
        SetState(PvConnectionState.Closed);
    }

    private void SetConnected(PvMetadata metadata)
    {
        var connection = Connection!;
        _phase = ChannelPhase.Connected;
        _metadata = metadata;
        SetState(PvConnectionState.Connected);
        _connected.TrySetResult();
        CaClientLog.ChannelConnected(Logger, Name, connection.Server);
        foreach (var subscription in _subscriptions)
        {
            SendSubscription(subscription);
        }
    }

    private void SendSubscription(CaSubscription subscription)
    {
        var type = DbrTypes.Of(NativeType, subscription.Category);
        subscription.ActiveType = type;
        Connection!.Circuit.EventAdd(type, (uint)subscription.Count, NativeCount, Sid, subscription.Id, subscription.Mask);
    }

    private void SetState(PvConnectionState state)
    {
        _state = (int)state;
        _stateEvents.Post(state);
    }

    private async ValueTask<DbrValue> ReadAsync(DbrType? type, DbrCategory category, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        cancellationToken.ThrowIfCancellationRequested();
        PendingOperation operation;
        lock (Sync)
        {
            var connection = RequireConnected("get");
            if (!_rights.HasFlag(AccessRights.Read))
            {
                throw new PvException(Name, "get", "the server denies read access", Eca.Nordaccess);
            }

            operation = _client.StartOperation(this, connection, PendingOperationKind.Read);
            connection.Circuit.ReadNotify(type ?? DbrTypes.Of(NativeType, category), (uint)count, NativeCount, Sid, operation.Ioid);
        }

        operation.RegisterCancellation(_client.CancelOperation, cancellationToken);
        return (await operation.Completion.Task.ConfigureAwait(false))!;
    }

    private async ValueTask WriteAsync(DbrType type, DbrValue value, bool wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PendingOperation operation;
        lock (Sync)
        {
            var connection = RequireConnected("put");
            if (!_rights.HasFlag(AccessRights.Write))
            {
                throw new PvException(Name, "put", "the server denies write access", Eca.Nowtaccess);
            }

            if (!wait)
            {
                Encode(() => connection.Circuit.Write(type, value, Sid, Cid));
                return;
            }

            operation = _client.StartOperation(this, connection, PendingOperationKind.Write);
            try
            {
                Encode(() => connection.Circuit.WriteNotify(type, value, Sid, operation.Ioid));
            }
            catch
            {
                connection.Pending.Remove(operation.Ioid);
                throw;
            }
        }

        operation.RegisterCancellation(_client.CancelOperation, cancellationToken);
        await operation.Completion.Task.ConfigureAwait(false);
    }

    private void Encode(Action write)
    {
        try
        {
            write();
        }
        catch (CaProtocolException e)
        {
            throw new PvException(Name, "put", e.Message, e.Status ?? Eca.Badtype, e);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new PvException(Name, "put", e.Message, Eca.Badtype, e);
        }
    }

    private CaCircuitConnection RequireConnected(string operation) => _phase switch
    {
        ChannelPhase.Connected => Connection!,
        ChannelPhase.Closed => throw Closed(operation),
        _ => throw new PvException(Name, operation, "the channel is not connected", Eca.Disconn),
    };

    private PvException Closed(string operation) => new(Name, operation, "the channel is closed", Eca.Chandestroy);

    private async Task WaitAsync(Task connected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await connected.WaitAsync(timeout, _client.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new PvTimeoutException(Name, "connect", timeout);
        }
    }

    private static TaskCompletionSource NewConnectedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
