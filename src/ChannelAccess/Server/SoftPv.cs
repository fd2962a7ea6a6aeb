using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// A PV held in memory, behaving as a soft record does: it holds a value with its metadata, stamps each change,
/// and tells subscribers which event classes a change belongs to. For numeric scalars a change beyond the monitor
/// deadband (MDEL) is <see cref="EventMask.Value"/> and beyond the archive deadband (ADEL) <see cref="EventMask.Log"/>,
/// as recGblCheckDeadband decides; strings and enums post on change, arrays on every set (waveform's default).
/// An alarm change is <see cref="EventMask.Alarm"/> and a metadata change <see cref="EventMask.Property"/>.
/// Writes from clients are converted to the native type, clamped to the drive limits and stored, or handed to a
/// <see cref="SoftPvWriteHandler"/> that completes when it likes (a motor completes when its move ends).
/// <para>
/// Thread-safe. Subscribers are called in order, one change at a time, outside the lock <see cref="Read"/> takes,
/// so a subscriber may read the PV; <see cref="Read"/> always sees a change before its subscribers are told.
/// </para>
/// </summary>
public sealed class SoftPv : IServerPv
{
    private readonly Lock _state = new();
    private readonly Lock _publishing = new();
    private readonly TimeProvider _time;
    private DbrValue _value;
    private Action<PvUpdate>[] _subscribers = [];
    private double _monitorLast;
    private double _archiveLast;

    /// <summary>Creates the PV with its initial value, whose element type is the PV's native type.</summary>
    /// <param name="name">The PV name.</param>
    /// <param name="initial">The initial value and metadata (units, precision, limits, enum strings).</param>
    /// <param name="options">Deadbands, access, write handling.</param>
    public SoftPv(string name, DbrValue initial, SoftPvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(initial);
        Name = name;
        Options = options ?? new SoftPvOptions();
        _time = Options.TimeProvider ?? TimeProvider.System;
        NativeType = initial.ValueType;
        MaxElements = Options.MaxElements ?? Math.Max(initial.Count, 1);
        if (MaxElements < 1 || initial.Count > MaxElements)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{name}: NELM {MaxElements} cannot hold the initial {initial.Count} element(s).");
        }

        _value = initial.Timestamp == default ? Copy(initial, initial.Values, Now()) : initial;
        _monitorLast = _archiveLast = NumericScalar(_value) ?? 0;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public DbrType NativeType { get; }

    /// <inheritdoc />
    public string ClassName => Options.ClassName;

    /// <inheritdoc />
    public int MaxElements { get; }

    /// <summary>The options the PV was created with.</summary>
    public SoftPvOptions Options { get; }

    /// <summary>The current value (the same as <see cref="Read"/>).</summary>
    public DbrValue Value => Read();

    /// <summary>The number of active subscriptions.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <inheritdoc />
    public AccessRights RightsFor(ClientIdentity client) =>
        Options.AccessRule?.Invoke(client) ?? (Options.ReadOnly ? AccessRights.Read : AccessRights.ReadWrite);

    /// <inheritdoc />
    public DbrValue Read()
    {
        lock (_state)
        {
            return _value;
        }
    }

    /// <inheritdoc />
    public async ValueTask<EcaStatus> WriteAsync(DbrValue value, ClientIdentity client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Options.ReadOnly && Options.AccessRule is null)
        {
            return Eca.Nowtaccess;
        }

        if (value.Count > MaxElements)
        {
            return Eca.Badcount;
        }

        DbrValue next;
        try
        {
            var native = value.ValueType == NativeType ? value : DbrConvert.To(WithEnumStrings(value), NativeType);
            next = Copy(Read(), ClampToDriveLimits(native.Values), Now());
        }
        catch (CaProtocolException)
        {
            return Eca.Putfail;
        }

        if (Options.WriteHandler is not { } handler)
        {
            Set(next);
            return Eca.Normal;
        }

        return await handler(this, next, client, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<PvUpdate> onUpdate)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        lock (_state)
        {
            _subscribers = [.. _subscribers, onUpdate];
        }

        return new Subscription(this, onUpdate);
    }

    /// <summary>
    /// Replaces the value and its metadata (converted to the native type; stamped now unless it carries a time
    /// stamp) and tells subscribers what changed.
    /// </summary>
    public void Set(DbrValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var native = value.ValueType == NativeType ? value : DbrConvert.To(WithEnumStrings(value), NativeType);
        if (native.Count > MaxElements)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{Name} holds at most {MaxElements} element(s), not {native.Count}.");
        }

        Publish(native.Timestamp == default ? Copy(native, native.Values, Now()) : native);
    }

    /// <summary>Sets a scalar from a number (converted to the native type; enums by index), keeping the metadata.</summary>
    public void SetValue(double value)
    {
        var element = DbrConvert.FromDouble(value, NativeType);
        var values = Array.CreateInstance(DbrValue.ElementType(NativeType), 1);
        values.SetValue(element, 0);
        Publish(Copy(Read(), values, Now()));
    }

    /// <summary>Sets a scalar from text (parsed for numbers, matched to the state strings for enums), keeping the metadata.</summary>
    public void SetValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var current = Read();
        var values = Array.CreateInstance(DbrValue.ElementType(NativeType), 1);
        values.SetValue(DbrConvert.Parse(value, NativeType, current.EnumStrings), 0);
        Publish(Copy(current, values, Now()));
    }

    /// <summary>Sets the elements (an array of any plain element type, converted to the native one), keeping the metadata.</summary>
    public void SetValues(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var type = ElementDbrType(values.GetType().GetElementType());
        var current = Read();
        var converted = type == NativeType ? values : DbrConvert.To(new DbrValue(type, values) { EnumStrings = current.EnumStrings, Precision = -1 }, NativeType).Values;
        if (converted.Length > MaxElements)
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"{Name} holds at most {MaxElements} element(s), not {converted.Length}.");
        }

        Publish(Copy(current, converted, Now()));
    }

    /// <summary>Sets the alarm status and severity, keeping the value.</summary>
    public void SetAlarm(AlarmStatus status, AlarmSeverity severity)
    {
        var current = Read();
        Publish(Copy(current, current.Values, Now(), status, severity));
    }

    private void Publish(DbrValue next)
    {
        lock (_publishing)
        {
            EventMask events;
            Action<PvUpdate>[] subscribers;
            lock (_state)
            {
                events = Classify(_value, next);
                _value = next;
                subscribers = _subscribers;
            }

            if (events == EventMask.None || subscribers.Length == 0)
            {
                return;
            }

            var update = new PvUpdate(next, events);
            foreach (var subscriber in subscribers)
            {
                subscriber(update);
            }
        }
    }

    // Under the state lock: which event classes the change from previous to next belongs to.
    private EventMask Classify(DbrValue previous, DbrValue next)
    {
        var events = EventMask.None;
        if (previous.Status != next.Status || previous.Severity != next.Severity)
        {
            events |= EventMask.Alarm;
        }

        if (previous.Units != next.Units || previous.Precision != next.Precision || previous.Limits != next.Limits
            || !previous.EnumStrings.SequenceEqual(next.EnumStrings))
        {
            events |= EventMask.Property;
        }

        if (NumericScalar(next) is { } number && MaxElements == 1)
        {
            if (Deadband.Exceeded(ref _monitorLast, number, Options.MonitorDeadband))
            {
                events |= EventMask.Value;
            }

            if (Deadband.Exceeded(ref _archiveLast, number, Options.ArchiveDeadband))
            {
                events |= EventMask.Log;
            }
        }
        else if (MaxElements > 1 || !SameElements(previous, next))
        {
            events |= EventMask.Value | EventMask.Log;
        }

        return events;
    }

    private static double? NumericScalar(DbrValue value) =>
        value.Count == 1 && value.ValueType is not (DbrType.String or DbrType.Enum) ? value.GetDouble() : null;

    private static bool SameElements(DbrValue a, DbrValue b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!Equals(a.Values.GetValue(i), b.Values.GetValue(i)))
            {
                return false;
            }
        }

        return true;
    }

    private Array ClampToDriveLimits(Array values)
    {
        var limits = Read().Limits;
        if (!Options.ClampToDriveLimits || !(limits.UpperControl > limits.LowerControl)
            || NativeType is DbrType.String or DbrType.Enum)
        {
            return values;
        }

        var clamped = Array.CreateInstance(DbrValue.ElementType(NativeType), values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var number = Convert.ToDouble(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            clamped.SetValue(DbrConvert.FromDouble(Math.Clamp(number, limits.LowerControl, limits.UpperControl), NativeType), i);
        }

        return clamped;
    }

    private DbrValue WithEnumStrings(DbrValue value) =>
        value.ValueType == DbrType.String && NativeType == DbrType.Enum
            ? new DbrValue(value.ValueType, value.Values) { EnumStrings = Read().EnumStrings }
            : value;

    private EpicsTimestamp Now() => EpicsTimestamp.From(_time.GetUtcNow());

    private static DbrValue Copy(DbrValue source, Array values, EpicsTimestamp stamp, AlarmStatus? status = null, AlarmSeverity? severity = null) =>
        new(source.ValueType, values)
        {
            Status = status ?? source.Status,
            Severity = severity ?? source.Severity,
            Timestamp = stamp,
            Units = source.Units,
            Precision = source.Precision,
            Limits = source.Limits,
            EnumStrings = source.EnumStrings,
            AckTransient = source.AckTransient,
            AckSeverity = source.AckSeverity,
        };

    private static DbrType ElementDbrType(Type? elementType) => elementType switch
    {
        _ when elementType == typeof(string) => DbrType.String,
        _ when elementType == typeof(short) => DbrType.Short,
        _ when elementType == typeof(float) => DbrType.Float,
        _ when elementType == typeof(ushort) => DbrType.Enum,
        _ when elementType == typeof(byte) => DbrType.Char,
        _ when elementType == typeof(int) => DbrType.Long,
        _ when elementType == typeof(double) => DbrType.Double,
        _ => throw new ArgumentException($"Elements of {elementType?.Name ?? "unknown type"} are not a plain DBR type.", nameof(elementType)),
    };

    private void Unsubscribe(Action<PvUpdate> onUpdate)
    {
        lock (_state)
        {
            var index = Array.IndexOf(_subscribers, onUpdate);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(SoftPv pv, Action<PvUpdate> onUpdate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                pv.Unsubscribe(onUpdate);
            }
        }
    }
}
