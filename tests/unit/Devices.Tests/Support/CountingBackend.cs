using Hyperion.Devices.Backends;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Support;

/// <summary>A soft backend that counts connects and backend reads, to tell cached reads from round trips.</summary>
internal sealed class CountingBackend<T>(T initial) : ISignalBackend<T>
{
    private readonly SoftSignalBackend<T> _inner = new(initial);

    public int Connects { get; private set; }

    public int Reads { get; private set; }

    public void SetValue(T value) => _inner.SetValue(value);

    public string Source(string name, bool read) => _inner.Source(name, read);

    public Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken)
    {
        Connects++;
        return Task.CompletedTask;
    }

    public Task PutAsync(T value, bool wait, CancellationToken cancellationToken) => _inner.PutAsync(value, wait, cancellationToken);

    public Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken) => _inner.GetDataKeyAsync(source, cancellationToken);

    public Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return _inner.GetReadingAsync(cancellationToken);
    }

    public Task<T> GetSetpointAsync(CancellationToken cancellationToken) => _inner.GetSetpointAsync(cancellationToken);

    public void SetCallback(Action<SignalReading<T>>? callback) => _inner.SetCallback(callback);
}
