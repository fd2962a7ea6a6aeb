using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;

namespace Hyperion.Devices.Signals;

/// <summary>
/// A typed signal over a backend. On a mock connect the backend is swapped for a <see cref="MockSignalBackend{T}"/>
/// standing in for the real one (kept across reconnects, so a test's mock values survive).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class SignalBase<T> : Signal
{
    private readonly ISignalBackend<T> _real;
    private MockSignalBackend<T>? _mock;

    /// <summary>Creates the signal over <paramref name="backend"/>.</summary>
    protected SignalBase(ISignalBackend<T> backend, string name)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _real = backend;
        Backend = backend;
    }

    /// <summary>The backend in use: the real one, or the mock after a mock connect.</summary>
    public ISignalBackend<T> Backend { get; private set; }

    /// <summary>The mock backend, once the signal has been connected in mock mode.</summary>
    public MockSignalBackend<T>? Mock => _mock;

    /// <summary>Whether the signal reads (its DataKey source is its read PV).</summary>
    protected virtual bool ReadsForSource => true;

    /// <inheritdoc/>
    public override string Source => Backend.Source(Name, ReadsForSource);

    /// <inheritdoc/>
    public override SignalInfo Info => new(
        Name,
        Access,
        SignalDatatype<T>.TypeName,
        Access is SignalAccess.Read or SignalAccess.ReadWrite ? Backend.Source(Name, true) : null,
        Access is SignalAccess.Write or SignalAccess.ReadWrite or SignalAccess.Execute ? Backend.Source(Name, false) : null,
        SignalDatatype<T>.Kind,
        SignalDatatype<T>.Choices,
        SignalDatatype<T>.DtypeNumpy);

    /// <inheritdoc/>
    protected override async Task ConnectCoreAsync(DeviceConnectOptions options, CancellationToken cancellationToken)
    {
        // Derived signals compute from other signals, which are mocked themselves: they stay live.
        if (options.Mock && _real is not DerivedSignalBackend<T>)
        {
            _mock ??= new MockSignalBackend<T>(_real, options.TimeProvider);
            SwapBackend(_mock);
            return;
        }

        SwapBackend(_real);
        try
        {
            await _real.ConnectAsync(new SignalConnectContext(options.Timeout, options.PvClient), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not Errors.NotConnectedException and not OperationCanceledException)
        {
            throw new Errors.NotConnectedException($"{Source}: {e.Message}", e);
        }
    }

    /// <summary>Called when the backend changes, so a cache can move its subscription.</summary>
    protected virtual void OnBackendChanged(ISignalBackend<T> previous, ISignalBackend<T> current)
    {
    }

    /// <summary>Runs <paramref name="operation"/> with the signal's time-out, failing with a message naming the signal.</summary>
    protected async Task<TResult> WithTimeoutAsync<TResult>(string verb, TimeSpan? timeout, Func<CancellationToken, Task<TResult>> operation, CancellationToken cancellationToken)
    {
        var limit = timeout ?? Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit != System.Threading.Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(limit);
        }

        try
        {
            return await operation(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} ({Source}): {verb} did not complete within {limit.TotalSeconds:0.###} s.");
        }
    }

    private void SwapBackend(ISignalBackend<T> backend)
    {
        var previous = Backend;
        if (ReferenceEquals(previous, backend))
        {
            return;
        }

        Backend = backend;
        OnBackendChanged(previous, backend);
    }
}
