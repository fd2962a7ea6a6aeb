using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Backends;

/// <summary>
/// Where a signal's value lives (ophyd-async's SignalBackend): in memory (<see cref="SoftSignalBackend{T}"/>), in a
/// unit test's mock (<see cref="MockSignalBackend{T}"/>), or behind a PV (<see cref="PvSignalBackend{T}"/>). Signals
/// and devices are written once against this; the backend decides what they talk to.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public interface ISignalBackend<T>
{
    /// <summary>The DataKey source of the signal named <paramref name="name"/>: e.g. ca://BL03I-MO-SGON-01:X.RBV.</summary>
    string Source(string name, bool read);

    /// <summary>Connects (opening channels and checking their types); throws naming what did not connect.</summary>
    Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="value"/>; with <paramref name="wait"/> completes when the write has taken effect.</summary>
    Task PutAsync(T value, bool wait, CancellationToken cancellationToken);

    /// <summary>The DataKey for a signal whose source is <paramref name="source"/>.</summary>
    Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken);

    /// <summary>The current value with its time stamp and severity.</summary>
    Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken);

    /// <summary>The value last written (the setpoint), which may differ from the readback.</summary>
    Task<T> GetSetpointAsync(CancellationToken cancellationToken);

    /// <summary>Starts (or with null stops) delivering every new reading to <paramref name="callback"/>, the current one first.</summary>
    void SetCallback(Action<SignalReading<T>>? callback);
}
