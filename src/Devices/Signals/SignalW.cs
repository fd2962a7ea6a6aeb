using Hyperion.Devices.Backends;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Signals;

/// <summary>A write-only signal (ophyd-async's SignalW).</summary>
/// <typeparam name="T">The value type.</typeparam>
public class SignalW<T> : SignalBase<T>, IMovable
{
    /// <summary>Creates the signal over <paramref name="backend"/>.</summary>
    public SignalW(ISignalBackend<T> backend, string name = "")
        : base(backend, name)
    {
    }

    /// <summary>How many times a put that times out is tried in all.</summary>
    public int PutAttempts { get; init; } = 1;

    /// <inheritdoc/>
    public override SignalAccess Access => SignalAccess.Write;

    /// <inheritdoc/>
    protected override bool ReadsForSource => false;

    /// <summary>Writes <paramref name="value"/>; with <paramref name="wait"/>, completes when the write has (a put with callback).</summary>
    public Task SetAsync(T value, bool wait = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SignalPuts.PutAsync(this, value, wait, timeout, PutAttempts, cancellationToken);

    /// <summary>A plan's set: <paramref name="value"/> must be a <typeparamref name="T"/> (or convert exactly to one).</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<T>.Coerce(value, Name)), this);
}
