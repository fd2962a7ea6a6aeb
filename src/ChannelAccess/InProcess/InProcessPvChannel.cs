using System.Buffers;
using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.InProcess;

/// <summary>
/// A channel of an <see cref="InProcessPvClient"/>: the counterpart of <see cref="CaChannel"/> with the provider's PV
/// in place of a server. Each request takes the path a CA request takes, minus the sockets: the client-side checks
/// and encoding of <see cref="CaChannel"/>, then the server-side checks and conversions of <see cref="ServerCircuit"/>
/// (shared through <see cref="PvValueConversion"/>), and every reply goes through the DBR codec for the type asked,
/// so that exactly the fields that type carries survive. Errors are the same <see cref="PvException"/>s with the
/// same ECA statuses. Callbacks run on the thread pool, in order, never under a lock.
/// </summary>
public sealed class InProcessPvChannel : IPvChannel
{
    // Large replies are encoded into pooled buffers; smaller ones would not repay the renting.
    private const int PooledReplyBytes = 4096;

    private readonly InProcessPvClient _client;
    private readonly Lock _sync = new();
    private readonly List<InProcessSubscription> _subscriptions = [];
    private readonly HashSet<TaskCompletionSource> _pendingPuts = [];
    private readonly SerialDispatcher<PvConnectionState> _stateEvents;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile PvMetadata? _metadata;
    private volatile int _state = (int)PvConnectionState.Disconnected;
    private bool _connecting;
    private IServerPv? _pv;
    private DbrType _nativeType;
    private AccessRights _rights;

    internal InProcessPvChannel(InProcessPvClient client, string name)
    {
        _client = client;
        Name = name;
        _stateEvents = new SerialDispatcher<PvConnectionState>(
            state => StateChanged?.Invoke(this, state),
            e => InProcessLog.StateHandlerFailed(Logger, Name, e));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public PvConnectionState State => (PvConnectionState)_state;

    /// <inheritdoc />
    public PvMetadata? Metadata => _metadata;

    /// <inheritdoc />
    public event Action<IPvChannel, PvConnectionState>? StateChanged;

    internal ILogger Logger => _client.Logger;

    /// <inheritdoc />
    public Task WaitForConnectionAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            switch (State)
            {
                case PvConnectionState.Closed:
                    throw Closed("connect");
                case PvConnectionState.Connected:
                    return Task.CompletedTask;
            }
        }

        return WaitAsync(timeout, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<DbrValue> GetAsync(DbrCategory category = DbrCategory.Time, int count = 0, CancellationToken cancellationToken = default)
    {
        PvRequestChecks.ReadCategory(category);
        return ReadAsync(null, category, count, cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="count"/> elements (0: the current length) as exactly <paramref name="type"/>, any DBR
    /// type the server side can convert to (DBR_CLASS_NAME, DBR_STSACK_STRING included), as <see cref="CaChannel.GetAsync(DbrType, int, CancellationToken)"/>.
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
    /// Writes <paramref name="value"/> converted here to <paramref name="type"/>, as
    /// <see cref="CaChannel.PutAsync(DbrType, DbrValue, bool, CancellationToken)"/>. With <paramref name="wait"/> it
    /// completes when the PV has finished processing; cancelling stops the wait, not the write.
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

        InProcessSubscription subscription;
        lock (_sync)
        {
            if (State == PvConnectionState.Closed)
            {
                throw Closed("subscribe");
            }

            subscription = new InProcessSubscription(this, onUpdate, mask, category, count);
            _subscriptions.Add(subscription);
            if (State != PvConnectionState.Connected)
            {
                // Started when the channel connects, as CaChannel sends EVENT_ADD then.
                return subscription;
            }
        }

        // The provider is called outside the lock: its Subscribe and Read are foreign code.
        subscription.Start(_pv!, _nativeType, _rights);
        return subscription;
    }

    /// <summary>Closes the channel: pending puts fail with ECA_CHANDESTROY, subscriptions end, the state becomes Closed.</summary>
    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({State})";

    /// <summary>Looks the PV up in the provider and connects when it is there (a search and CREATE_CHAN).</summary>
    internal void TryConnect()
    {
        lock (_sync)
        {
            if (State != PvConnectionState.Disconnected || _connecting)
            {
                return;
            }

            _connecting = true;
        }

        try
        {
            Connect();
        }
        finally
        {
            lock (_sync)
            {
                _connecting = false;
            }
        }
    }

    /// <summary>Closes the channel (by its disposal or its client's).</summary>
    internal void Close()
    {
        List<InProcessSubscription> subscriptions;
        List<TaskCompletionSource> puts;
        lock (_sync)
        {
            if (State == PvConnectionState.Closed)
            {
                return;
            }

            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
            puts = [.. _pendingPuts];
            _pendingPuts.Clear();
            _metadata = null;
            SetState(PvConnectionState.Closed);
            _connected.TrySetException(Closed("connect"));
            _connected.Task.Exception?.Handle(_ => true);
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Close();
        }

        foreach (var put in puts)
        {
            put.TrySetException(new PvException(Name, "put", "the channel was closed", Eca.Chandestroy));
        }

        _client.Remove(this);
    }

    /// <summary>
    /// Disconnects the channel because its PV was withdrawn (see <see cref="IPvProvider.PvsWithdrawn"/>), as a CA
    /// channel does on SERVER_DISCONN: puts waiting for completion fail with ECA_DISCONN, subscriptions pause, and
    /// the client's searches reconnect it (restarting the subscriptions with the current value) once the PV is back.
    /// </summary>
    internal void Drop(string reason)
    {
        List<InProcessSubscription> subscriptions;
        List<TaskCompletionSource> puts;
        lock (_sync)
        {
            if (State != PvConnectionState.Connected)
            {
                return;
            }

            subscriptions = [.. _subscriptions];
            puts = [.. _pendingPuts];
            _pendingPuts.Clear();
            _pv = null;
            _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            SetState(PvConnectionState.Disconnected);
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Suspend();
        }

        foreach (var put in puts)
        {
            put.TrySetException(new PvException(Name, "put", $"the channel disconnected ({reason})", Eca.Disconn));
        }

        InProcessLog.ChannelDropped(Logger, Name, reason);
    }

    /// <summary>Ends a subscription (its disposal).</summary>
    internal void Unsubscribe(InProcessSubscription subscription)
    {
        lock (_sync)
        {
            _subscriptions.Remove(subscription);
        }

        subscription.Close();
    }

    /// <summary>
    /// The reply to a read of <paramref name="type"/> and <paramref name="count"/> (0: the current length) of
    /// <paramref name="value"/>: converted as the server converts, then encoded and decoded as it would travel.
    /// Returns ECA_NORMAL with the reply, or the status the server would answer (ECA_GETFAIL, ECA_TOLARGE).
    /// </summary>
    internal EcaStatus Reply(IServerPv pv, DbrType type, uint count, DbrValue value, out DbrValue reply)
    {
        var status = PvValueConversion.Prepare(pv, type, count, value, _client.Options.MaxArrayBytes, out var converted, out var n, out var error);
        if (status != Eca.Normal)
        {
            if (error is not null)
            {
                InProcessLog.ConversionRefused(Logger, Name, "read", status.Name, error.Message);
            }

            reply = null!;
            return status;
        }

        reply = RoundTrip(type, converted, n);
        return Eca.Normal;
    }

    /// <summary>The PV's value, or null (logged) when reading it fails, as the server's read does.</summary>
    internal DbrValue? TryRead(IServerPv pv)
    {
        try
        {
            return pv.Read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            InProcessLog.ReadFailed(Logger, Name, ex);
            return null;
        }
    }

    private static DbrValue RoundTrip(DbrType type, DbrValue converted, int count)
    {
        var size = DbrTypes.Size(type, count);
        var rented = size > PooledReplyBytes ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[PooledReplyBytes];
            DbrCodec.Encode(type, converted, count, buffer);
            return DbrCodec.Decode(type, count, buffer[..size]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void Connect()
    {
        IServerPv? pv;
        AccessRights rights;
        DbrType nativeType;
        int elementCount;
        try
        {
            pv = _client.Provider.Find(Name);
            if (pv is null)
            {
                return;
            }

            // What CREATE_CHAN and ACCESS_RIGHTS carry; a non-native type reaches a CA client as DBR_STRING.
            rights = pv.RightsFor(_client.Identity) & AccessRights.ReadWrite;
            elementCount = Math.Max(pv.MaxElements, 0);
            nativeType = DbrTypes.IsNative(pv.NativeType) ? pv.NativeType : DbrType.String;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The server answers CREATE_CHFAIL and the CA client goes on searching.
            InProcessLog.LookupFailed(Logger, Name, ex);
            return;
        }

        var metadata = ReadMetadata(pv, rights, nativeType, elementCount);
        List<InProcessSubscription> subscriptions;
        lock (_sync)
        {
            if (State != PvConnectionState.Disconnected)
            {
                return;
            }

            _pv = pv;
            _nativeType = nativeType;
            _rights = rights;
            _metadata = metadata;
            SetState(PvConnectionState.Connected);
            _connected.TrySetResult();
            subscriptions = [.. _subscriptions];
        }

        InProcessLog.ChannelConnected(Logger, Name);
        foreach (var subscription in subscriptions)
        {
            subscription.Start(pv, nativeType, rights);
        }
    }

    /// <summary>The metadata as CaChannel reads it: one element of the native type's DBR_CTRL_*, when readable.</summary>
    private PvMetadata ReadMetadata(IServerPv pv, AccessRights rights, DbrType nativeType, int elementCount)
    {
        var bare = new PvMetadata(nativeType, elementCount, rights, string.Empty, 0, DbrLimits.None, []);
        if (!rights.HasFlag(AccessRights.Read))
        {
            return bare;
        }

        var status = Eca.Getfail;
        DbrValue control = null!;
        if (TryRead(pv) is { } value)
        {
            status = PvValueConversion.CountFits(1, pv.MaxElements, allowZeroCount: true)
                ? Reply(pv, DbrTypes.Of(nativeType, DbrCategory.Control), 1, value, out control)
                : Eca.Badcount;
        }

        if (status != Eca.Normal)
        {
            InProcessLog.MetadataReadFailed(Logger, Name, status.Name);
            return bare;
        }

        return bare with { Units = control.Units, Precision = control.Precision, Limits = control.Limits, EnumStrings = control.EnumStrings };
    }

    private ValueTask<DbrValue> ReadAsync(DbrType? type, DbrCategory category, int count, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<DbrValue>(cancellationToken);
        }

        // Failures reach the caller through the task, as CaChannel's (an async method's) do.
        try
        {
            return ValueTask.FromResult(Read(type, category, count));
        }
        catch (Exception e) when (e is PvException or ArgumentOutOfRangeException)
        {
            return ValueTask.FromException<DbrValue>(e);
        }
    }

    private DbrValue Read(DbrType? type, DbrCategory category, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var (pv, nativeType, rights) = RequireConnected("get");
        if (!rights.HasFlag(AccessRights.Read))
        {
            throw new PvException(Name, "get", "the server denies read access", Eca.Nordaccess);
        }

        var requested = type ?? DbrTypes.Of(nativeType, category);
        var maxElements = pv.MaxElements;
        if (!PvValueConversion.CountFits((uint)count, maxElements, allowZeroCount: true))
        {
            throw new PvException(Name, "get", $"{Name}: {count} elements requested, the PV has {maxElements}", Eca.Badcount);
        }

        if (TryRead(pv) is not { } value)
        {
            throw new PvException(Name, "get", Eca.Getfail.Description, Eca.Getfail);
        }

        var status = Reply(pv, requested, (uint)count, value, out var reply);
        if (status == Eca.Tolarge)
        {
            throw new PvException(Name, "get", $"{Name}: unable to fit the response into the server's buffer (EPICS_CA_MAX_ARRAY_BYTES={_client.Options.MaxArrayBytes})", status);
        }

        return status == Eca.Normal ? reply : throw new PvException(Name, "get", status.Description, status);
    }

    private async ValueTask WriteAsync(DbrType type, DbrValue value, bool wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (pv, _, rights) = RequireConnected("put");
        if (!rights.HasFlag(AccessRights.Write))
        {
            throw new PvException(Name, "put", "the server denies write access", Eca.Nowtaccess);
        }

        var (payload, count) = Encode(type, value);
        var status = Process(pv, type, count, payload, out var pending);
        if (!wait)
        {
            // A WRITE is answered only when it fails, with an ERROR that the CA client logs: the put itself succeeds.
            if (status != Eca.Normal)
            {
                InProcessLog.PutFailed(Logger, Name, status);
            }
            else if (pending is not null)
            {
                _ = ReportFailureAsync(pending);
            }

            return;
        }

        if (status != Eca.Normal)
        {
            throw new PvException(Name, "put", status == Eca.Badcount ? $"{Name}: {count} elements requested, the PV has {pv.MaxElements}" : status.Description, status);
        }

        if (pending is null)
        {
            return;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (State == PvConnectionState.Closed)
            {
                // Closed while the write was being handed over: the write goes on, the wait fails as CaChannel's does.
                throw new PvException(Name, "put", "the channel was closed", Eca.Chandestroy);
            }

            _pendingPuts.Add(completion);
        }

        _ = CompleteWhenWrittenAsync(pending, completion);
        await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Client side of a write, as CaChannel's: the value converted to <paramref name="type"/> and encoded.</summary>
    private (byte[] Payload, int Count) Encode(DbrType type, DbrValue value)
    {
        try
        {
            var converted = DbrConvert.To(value, DbrTypes.ValueTypeOf(type));
            var size = DbrTypes.Size(type, converted.Count);
            if (size > _client.Options.MaxArrayBytes)
            {
                throw new CaProtocolException(
                    $"A {DbrTypes.CName(type)} write of {converted.Count} element(s) is {size} bytes, more than the {_client.Options.MaxArrayBytes} allowed (EPICS_CA_MAX_ARRAY_BYTES).",
                    Eca.Tolarge);
            }

            return (DbrCodec.Encode(type, converted, converted.Count), converted.Count);
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

    /// <summary>
    /// Server side of a write, as ServerCircuit's: the count checked, the data decoded and converted to the native
    /// type, and the PV's write started. Returns ECA_NORMAL with the write (null when it completed at once, well),
    /// or the failure status.
    /// </summary>
    private EcaStatus Process(IServerPv pv, DbrType type, int count, byte[] payload, out Task<EcaStatus>? pending)
    {
        pending = null;
        if (!PvValueConversion.CountFits((uint)count, pv.MaxElements, allowZeroCount: false))
        {
            return Eca.Badcount;
        }

        var status = PvValueConversion.ConvertWrite(type, count, payload, pv.NativeType, () => TryRead(pv), out var native, out var error);
        if (status != Eca.Normal)
        {
            if (error is not null)
            {
                InProcessLog.ConversionRefused(Logger, Name, "put", status.Name, error.Message);
            }

            return status;
        }

        ValueTask<EcaStatus> write;
        try
        {
            write = pv.WriteAsync(native, _client.Identity, _client.ShutdownToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            InProcessLog.WriteFailed(Logger, Name, ex);
            return Eca.Putfail;
        }

        if (write.IsCompleted)
        {
            status = PvValueConversion.ResultOf(write, out error);
            if (error is not null)
            {
                InProcessLog.WriteFailed(Logger, Name, error);
            }

            return status;
        }

        pending = PvValueConversion.AwaitWriteAsync(write, ex => InProcessLog.WriteFailed(Logger, Name, ex));
        return Eca.Normal;
    }

    private async Task ReportFailureAsync(Task<EcaStatus> pending)
    {
        var status = await pending.ConfigureAwait(false);
        if (status != Eca.Normal)
        {
            InProcessLog.PutFailed(Logger, Name, status);
        }
    }

    private async Task CompleteWhenWrittenAsync(Task<EcaStatus> pending, TaskCompletionSource completion)
    {
        var status = await pending.ConfigureAwait(false);
        lock (_sync)
        {
            if (!_pendingPuts.Remove(completion))
            {
                // The channel closed first and failed the wait.
                return;
            }
        }

        if (status == Eca.Normal)
        {
            completion.TrySetResult();
        }
        else
        {
            completion.TrySetException(new PvException(Name, "put", status.Description, status));
        }
    }

    private (IServerPv Pv, DbrType NativeType, AccessRights Rights) RequireConnected(string operation)
    {
        lock (_sync)
        {
            return State switch
            {
                PvConnectionState.Connected => (_pv!, _nativeType, _rights),
                PvConnectionState.Closed => throw Closed(operation),
                _ => throw new PvException(Name, operation, "the channel is not connected", Eca.Disconn),
            };
        }
    }

    private void SetState(PvConnectionState state)
    {
        // Under the lock, so that the events are posted in the order the states were taken.
        _state = (int)state;
        _stateEvents.Post(state);
    }

    private PvException Closed(string operation) => new(Name, operation, "the channel is closed", Eca.Chandestroy);

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            Task connected;
            lock (_sync)
            {
                connected = _connected.Task;
            }

            await connected.WaitAsync(timeout, _client.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new PvTimeoutException(Name, "connect", timeout);
        }
    }
}
