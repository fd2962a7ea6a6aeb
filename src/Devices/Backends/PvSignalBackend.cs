using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Backends;

/// <summary>
/// A signal over EPICS PVs through an <see cref="IPvClient"/> (ophyd-async's CaSignalBackend): reads and monitors
/// come from the read PV, puts go to the write PV (the same one unless a setpoint/readback pair is given). The
/// same device code runs against real IOCs, the twin over Channel Access, or the twin in-process.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class PvSignalBackend<T> : ISignalBackend<T>
{
    private readonly Lock _gate = new();
    private IPvChannel? _read;
    private IPvChannel? _write;
    private PvConverter<T>? _readConverter;
    private PvConverter<T>? _writeConverter;
    private IPvSubscription? _subscription;
    private Task _unsubscribing = Task.CompletedTask;

    /// <summary>Creates the backend; <paramref name="writePv"/> defaults to <paramref name="readPv"/>.</summary>
    public PvSignalBackend(string readPv, string? writePv = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readPv);
        ReadPv = readPv;
        WritePv = writePv ?? readPv;
    }

    /// <summary>The PV read and monitored.</summary>
    public string ReadPv { get; }

    /// <summary>The PV written.</summary>
    public string WritePv { get; }

    /// <inheritdoc/>
    public string Source(string name, bool read) => "ca://" + (read ? ReadPv : WritePv);

    /// <inheritdoc/>
    public async Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await _unsubscribing.ConfigureAwait(false);
        var client = context.PvClient ?? PvClients.Default;
        var read = client.Channel(ReadPv);
        var write = WritePv == ReadPv ? read : client.Channel(WritePv);
        await Task.WhenAll(WaitAsync(read), WaitAsync(write)).ConfigureAwait(false);
        var readConverter = PvConverter<T>.For(ReadPv, read.Metadata!);
        var writeConverter = ReferenceEquals(read, write) ? readConverter : PvConverter<T>.For(WritePv, write.Metadata!);
        lock (_gate)
        {
            (_read, _write, _readConverter, _writeConverter) = (read, write, readConverter, writeConverter);
        }

        async Task WaitAsync(IPvChannel channel)
        {
            try
            {
                await channel.WaitForConnectionAsync(context.Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (PvTimeoutException e)
            {
                throw new NotConnectedException($"ca://{channel.Name} did not connect within {context.Timeout.TotalSeconds:0.###} s", e);
            }
        }
    }

    /// <inheritdoc/>
    public async Task PutAsync(T value, bool wait, CancellationToken cancellationToken)
    {
        var (channel, converter) = Writer();
        await channel.PutAsync(converter.ToDbr(value), wait, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken)
    {
        var reading = await GetReadingAsync(cancellationToken).ConfigureAwait(false);
        var metadata = Reader().Channel.Metadata!;
        return DataKeys.For(source, reading.Value, metadata.Units, metadata.Precision, LimitsOf(metadata.Limits), metadata.EnumStrings.Count > 0 ? metadata.EnumStrings : null);
    }

    /// <inheritdoc/>
    public async Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken)
    {
        var (channel, converter) = Reader();
        return ToReading(await channel.GetAsync(DbrCategory.Time, 0, cancellationToken).ConfigureAwait(false), converter);
    }

    /// <inheritdoc/>
    public async Task<T> GetSetpointAsync(CancellationToken cancellationToken)
    {
        var (channel, converter) = Writer();
        return converter.FromDbr(await channel.GetAsync(DbrCategory.Plain, 0, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public void SetCallback(Action<SignalReading<T>>? callback)
    {
        IPvSubscription? previous;
        lock (_gate)
        {
            previous = _subscription;
            _subscription = null;
        }

        // Cancelling a monitor only queues EVENT_CANCEL; the next connect observes how it went.
        if (previous is not null)
        {
            _unsubscribing = previous.DisposeAsync().AsTask();
        }
        if (callback is null)
        {
            return;
        }

        var (channel, converter) = Reader();
        var subscription = channel.Subscribe(value => callback(ToReading(value, converter)));
        lock (_gate)
        {
            _subscription = subscription;
        }
    }

    private static SignalReading<T> ToReading(DbrValue value, PvConverter<T> converter) =>
        new(converter.FromDbr(value), value.Timestamp.ToUnixSeconds(), (int)value.Severity);

    private static Limits? LimitsOf(DbrLimits limits)
    {
        static LimitsRange? Range(double low, double high) => low == 0 && high == 0 ? null : new LimitsRange(low, high);
        var result = new Limits
        {
            Control = Range(limits.LowerControl, limits.UpperControl),
            Display = Range(limits.LowerDisplay, limits.UpperDisplay),
            Warning = Range(limits.LowerWarning, limits.UpperWarning),
            Alarm = Range(limits.LowerAlarm, limits.UpperAlarm),
        };
        return result.Control is null && result.Display is null && result.Warning is null && result.Alarm is null ? null : result;
    }

    private (IPvChannel Channel, PvConverter<T> Converter) Reader()
    {
        lock (_gate)
        {
            return _read is null ? throw NotConnected() : (_read, _readConverter!);
        }
    }

    private (IPvChannel Channel, PvConverter<T> Converter) Writer()
    {
        lock (_gate)
        {
            return _write is null ? throw NotConnected() : (_write, _writeConverter!);
        }
    }

    private NotConnectedException NotConnected() => new($"ca://{ReadPv} has not been connected: connect the device first");
}
