using Hyperion.Devices.Backends;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Signals;

/// <summary>
/// A command signal (ophyd-async's SignalX): triggering it writes 1 to its PV (a record's PROC, a motor's STOP, a
/// busy record's start) and, by default, waits for the write to complete.
/// </summary>
public class SignalX : SignalBase<int>, ITriggerable
{
    /// <summary>Creates the signal over <paramref name="backend"/>.</summary>
    public SignalX(ISignalBackend<int> backend, string name = "")
        : base(backend, name)
    {
    }

    /// <inheritdoc/>
    public override SignalAccess Access => SignalAccess.Execute;

    /// <inheritdoc/>
    protected override bool ReadsForSource => false;

    /// <summary>Executes the command.</summary>
    public Task TriggerAsync(bool wait = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SignalPuts.PutAsync(this, 1, wait, timeout, 1, cancellationToken);

    /// <inheritdoc/>
    public Status Trigger() => new(TriggerAsync(), this);
}
