namespace Hyperion.ChannelAccess.Tests.Client.Fakes;

/// <summary>
/// A PV of the scripted server: its value (with metadata), NELM, rights, and whether WRITE_NOTIFY completes only
/// when the test says so. Changes are posted to the circuits subscribed, filtered by their masks.
/// </summary>
public sealed class FakePv
{
    private readonly FakeCaServer _server;
    private readonly List<(FakeCircuit Circuit, WriteNotifyRequest Request)> _pendingWrites = [];
    private readonly AsyncQueue<WriteNotifyRequest> _writesHeld = new();

    internal FakePv(FakeCaServer server, string name, DbrValue value, int maxElements)
    {
        _server = server;
        Name = name;
        Value = Stamp(value);
        NativeType = value.ValueType;
        MaxElements = maxElements;
    }

    public string Name { get; }

    public DbrType NativeType { get; }

    public int MaxElements { get; }

    public DbrValue Value { get; private set; }

    public AccessRights Rights { get; set; } = AccessRights.ReadWrite;

    public bool CompletesLate { get; set; }

    /// <summary>WRITE_NOTIFY requests held because <see cref="CompletesLate"/> is set.</summary>
    public AsyncQueue<WriteNotifyRequest> WritesHeld => _writesHeld;

    public int PendingWriteCount
    {
        get
        {
            lock (_server.Sync)
            {
                return _pendingWrites.Count;
            }
        }
    }

    /// <summary>Sets the value from the server side and posts it to subscribers whose mask matches.</summary>
    public void Set(DbrValue value)
    {
        lock (_server.Sync)
        {
            var stamped = Stamp(value);
            var events = EventMask.Value | EventMask.Log;
            if (stamped.Severity != Value.Severity || stamped.Status != Value.Status)
            {
                events |= EventMask.Alarm;
            }

            if (stamped.Units != Value.Units || stamped.Precision != Value.Precision || stamped.Limits != Value.Limits || !stamped.EnumStrings.SequenceEqual(Value.EnumStrings))
            {
                events |= EventMask.Property;
            }

            Value = stamped;
            _server.Post(this, events);
        }
    }

    /// <summary>Completes every held WRITE_NOTIFY with <paramref name="status"/> (default ECA_NORMAL).</summary>
    public void CompletePendingWrites(EcaStatus? status = null)
    {
        List<(FakeCircuit Circuit, WriteNotifyRequest Request)> writes;
        lock (_server.Sync)
        {
            writes = [.. _pendingWrites];
            _pendingWrites.Clear();
        }

        foreach (var (circuit, request) in writes)
        {
            circuit.Send(new WriteNotifyResponse(request.DataType, request.Count, (status ?? Eca.Normal).Value, request.Ioid));
        }
    }

    internal void HoldWrite(FakeCircuit circuit, WriteNotifyRequest request)
    {
        _pendingWrites.Add((circuit, request));
        _writesHeld.Add(request);
    }

    /// <summary>A client's write, converted to the native type as a server does; the element count becomes the written count.</summary>
    internal void Write(DbrValue written)
    {
        var withStates = new DbrValue(written.ValueType, written.Values) { EnumStrings = Value.EnumStrings };
        var converted = DbrConvert.To(withStates, NativeType);
        var count = Math.Min(converted.Count, MaxElements);
        var values = Array.CreateInstance(DbrValue.ElementType(NativeType), count);
        Array.Copy(converted.Values, values, count);
        Set(Copy(Value, NativeType, values, default));
    }

    /// <summary>The value as <paramref name="type"/> with <paramref name="count"/> elements (0: the current length), encoded.</summary>
    internal (uint Count, byte[] Data) Encode(DbrType type, uint count)
    {
        var n = count == 0 ? Value.Count : (int)count;
        var converted = DbrConvert.To(Value, DbrTypes.ValueTypeOf(type));
        return ((uint)n, DbrCodec.Encode(type, converted, n));
    }

    private static DbrValue Stamp(DbrValue value) =>
        value.Timestamp == default ? Copy(value, value.ValueType, value.Values, EpicsTimestamp.From(DateTimeOffset.UtcNow)) : value;

    /// <summary>A copy of <paramref name="value"/>'s metadata with other values and time stamp.</summary>
    public static DbrValue Copy(DbrValue value, DbrType type, Array values, EpicsTimestamp timestamp) => new(type, values)
    {
        Status = value.Status,
        Severity = value.Severity,
        Timestamp = timestamp,
        Units = value.Units,
        Precision = value.Precision,
        Limits = value.Limits,
        EnumStrings = value.EnumStrings,
    };
}
