using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.Tests.Client.Fakes;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>
/// A served PV for the contract tests: it holds a value with its metadata, reports changes classified as a record
/// would (value and archive always, alarm when status or severity change, property when metadata changes), can be
/// read-only, and can hold put-callbacks until the test completes them.
/// </summary>
public sealed class ContractServerPv : IServerPv
{
    private readonly Lock _lock = new();
    private readonly List<Action<PvUpdate>> _subscribers = [];
    private readonly List<TaskCompletionSource<EcaStatus>> _pendingWrites = [];
    private readonly AsyncQueue<DbrValue> _writesHeld = new();
    private DbrValue _value;

    public ContractServerPv(string name, DbrValue initial, int maxElements)
    {
        Name = name;
        NativeType = initial.ValueType;
        MaxElements = maxElements;
        _value = Stamp(initial);
    }

    public string Name { get; }

    public DbrType NativeType { get; }

    public int MaxElements { get; }

    public bool ReadOnly { get; set; }

    public bool CompletesLate { get; set; }

    public AccessRights RightsFor(ClientIdentity client) => ReadOnly ? AccessRights.Read : AccessRights.ReadWrite;

    public DbrValue Read()
    {
        lock (_lock)
        {
            return _value;
        }
    }

    public ValueTask<EcaStatus> WriteAsync(DbrValue value, ClientIdentity client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ReadOnly)
        {
            return ValueTask.FromResult(Eca.Nowtaccess);
        }

        var count = Math.Min(value.Count, MaxElements);
        var values = Array.CreateInstance(DbrValue.ElementType(NativeType), count);
        Array.Copy(DbrConvert.To(value, NativeType).Values, values, count);
        Set(FakePv.Copy(Read(), NativeType, values, default));
        if (!CompletesLate)
        {
            return ValueTask.FromResult(Eca.Normal);
        }

        var completion = new TaskCompletionSource<EcaStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pendingWrites.Add(completion);
        }

        _writesHeld.Add(value);
        return new ValueTask<EcaStatus>(completion.Task.WaitAsync(cancellationToken));
    }

    public IDisposable Subscribe(Action<PvUpdate> onUpdate)
    {
        lock (_lock)
        {
            _subscribers.Add(onUpdate);
        }

        return new Unsubscriber(this, onUpdate);
    }

    public void Set(DbrValue value)
    {
        PvUpdate update;
        Action<PvUpdate>[] subscribers;
        lock (_lock)
        {
            var stamped = Stamp(value);
            var events = EventMask.Value | EventMask.Log;
            if (stamped.Severity != _value.Severity || stamped.Status != _value.Status)
            {
                events |= EventMask.Alarm;
            }

            if (stamped.Units != _value.Units || stamped.Precision != _value.Precision || stamped.Limits != _value.Limits || !stamped.EnumStrings.SequenceEqual(_value.EnumStrings))
            {
                events |= EventMask.Property;
            }

            _value = stamped;
            update = new PvUpdate(stamped, events);
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(update);
        }
    }

    public Task WaitForPendingWriteAsync(TimeSpan timeout) => _writesHeld.NextAsync(timeout);

    public void CompletePendingWrites()
    {
        TaskCompletionSource<EcaStatus>[] writes;
        lock (_lock)
        {
            writes = [.. _pendingWrites];
            _pendingWrites.Clear();
        }

        foreach (var write in writes)
        {
            write.TrySetResult(Eca.Normal);
        }
    }

    private static DbrValue Stamp(DbrValue value) =>
        value.Timestamp == default ? FakePv.Copy(value, value.ValueType, value.Values, EpicsTimestamp.From(DateTimeOffset.UtcNow)) : value;

    private sealed class Unsubscriber(ContractServerPv pv, Action<PvUpdate> onUpdate) : IDisposable
    {
        public void Dispose()
        {
            lock (pv._lock)
            {
                pv._subscribers.Remove(onUpdate);
            }
        }
    }
}
