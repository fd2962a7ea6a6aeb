using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Backends;

/// <summary>
/// The backend a signal gets when its device connects with mock = true (ophyd-async's MockSignalBackend): an
/// in-memory value that tests set directly, every put recorded, an optional callback run on each put (to make a
/// readback follow a setpoint, say) and puts that can be held until the test releases them.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class MockSignalBackend<T> : ISignalBackend<T>
{
    private readonly SoftSignalBackend<T> _soft;
    private readonly ISignalBackend<T>? _real;
    private readonly Lock _gate = new();
    private readonly List<MockPut<T>> _puts = [];
    private TaskCompletionSource? _blocked;

    /// <summary>Creates the mock standing in for <paramref name="real"/> (whose soft initial value it keeps).</summary>
    public MockSignalBackend(ISignalBackend<T>? real = null, TimeProvider? timeProvider = null)
    {
        _real = real;

        // As in ophyd-async, a soft signal keeps its own backend under the mock, so a device's setter for its soft
        // state still reaches the readers of the mocked signal.
        _soft = real as SoftSignalBackend<T> ?? new SoftSignalBackend<T>(SignalDatatype<T>.Default, null, timeProvider);
    }

    /// <summary>Runs on every put, after it is recorded and before the value changes; may complete later.</summary>
    public Func<T, bool, Task>? PutCallback { get; set; }

    /// <summary>Every put so far, oldest first.</summary>
    public IReadOnlyList<MockPut<T>> Puts
    {
        get
        {
            lock (_gate)
            {
                return [.. _puts];
            }
        }
    }

    /// <summary>Sets the value as the IOC would, without recording a put.</summary>
    public void SetValue(T value, int alarmSeverity = 0) => _soft.SetValue(value, alarmSeverity);

    /// <summary>Holds every put (with or without wait) until <see cref="ReleasePuts"/>.</summary>
    public void BlockPuts()
    {
        lock (_gate)
        {
            _blocked ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held puts, and later ones, proceed.</summary>
    public void ReleasePuts()
    {
        TaskCompletionSource? blocked;
        lock (_gate)
        {
            blocked = _blocked;
            _blocked = null;
        }

        blocked?.TrySetResult();
    }

    /// <summary>Forgets the recorded puts.</summary>
    public void ClearPuts()
    {
        lock (_gate)
        {
            _puts.Clear();
        }
    }

    /// <inheritdoc/>
    public string Source(string name, bool read) => "mock+" + (_real?.Source(name, read) ?? $"soft://{name}");

    /// <inheritdoc/>
    public Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task PutAsync(T value, bool wait, CancellationToken cancellationToken)
    {
        Task? blocked;
        lock (_gate)
        {
            _puts.Add(new MockPut<T>(value, wait));
            blocked = _blocked?.Task;
        }

        if (PutCallback is { } callback)
        {
            await callback(value, wait).ConfigureAwait(false);
        }

        if (blocked is not null)
        {
            await blocked.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _soft.SetValue(value);
    }

    /// <inheritdoc/>
    public Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken) => _soft.GetDataKeyAsync(source, cancellationToken);

    /// <inheritdoc/>
    public Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken) => _soft.GetReadingAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<T> GetSetpointAsync(CancellationToken cancellationToken) => _soft.GetSetpointAsync(cancellationToken);

    /// <inheritdoc/>
    public void SetCallback(Action<SignalReading<T>>? callback) => _soft.SetCallback(callback);
}
