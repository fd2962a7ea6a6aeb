using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Backends;

/// <summary>
/// A signal whose value lives in memory (ophyd-async's SoftSignalBackend): puts take effect at once and reach
/// subscribers synchronously, in order.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class SoftSignalBackend<T> : ISignalBackend<T>
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private SignalReading<T> _reading;
    private Action<SignalReading<T>>? _callback;

    /// <summary>Creates the backend holding <paramref name="initial"/> (the datatype's default when omitted).</summary>
    public SoftSignalBackend(T? initial = default, SignalMetadata? metadata = null, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        Metadata = metadata ?? new SignalMetadata();
        InitialValue = initial is null ? SignalDatatype<T>.Default : initial;
        _reading = new SignalReading<T>(InitialValue, Now());
    }

    /// <summary>The value it started with.</summary>
    public T InitialValue { get; }

    /// <summary>Units, precision and limits for the DataKey.</summary>
    public SignalMetadata Metadata { get; }

    /// <inheritdoc/>
    public string Source(string name, bool read) => $"soft://{name}";

    /// <inheritdoc/>
    public Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task PutAsync(T value, bool wait, CancellationToken cancellationToken)
    {
        SetValue(value);
        return Task.CompletedTask;
    }

    /// <summary>Sets the value now, with a fresh time stamp, and tells the subscriber.</summary>
    public void SetValue(T value, int alarmSeverity = 0)
    {
        Action<SignalReading<T>>? callback;
        SignalReading<T> reading;
        lock (_gate)
        {
            reading = _reading = new SignalReading<T>(value, Now(), alarmSeverity);
            callback = _callback;
        }

        callback?.Invoke(reading);
    }

    /// <inheritdoc/>
    public Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken)
    {
        T value;
        lock (_gate)
        {
            value = _reading.Value;
        }

        return Task.FromResult(DataKeys.For(source, value, Metadata.Units, Metadata.Precision, Metadata.Limits, SignalDatatype<T>.Choices));
    }

    /// <inheritdoc/>
    public Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_reading);
        }
    }

    /// <inheritdoc/>
    public Task<T> GetSetpointAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_reading.Value);
        }
    }

    /// <inheritdoc/>
    public void SetCallback(Action<SignalReading<T>>? callback)
    {
        SignalReading<T> reading;
        lock (_gate)
        {
            _callback = callback;
            reading = _reading;
        }

        callback?.Invoke(reading);
    }

    private double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
