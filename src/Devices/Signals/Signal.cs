using Hyperion.Devices.Core;

namespace Hyperion.Devices.Signals;

/// <summary>A signal: a device with no children whose value lives in a backend (soft, mock or PV).</summary>
public abstract class Signal : Device
{
    /// <summary>Creates the signal.</summary>
    protected Signal(string name)
        : base(name)
    {
    }

    /// <summary>The default time-out for a signal's operations.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Where the value comes from, as the DataKey source says it (e.g. ca://BL03I-MO-SGON-01:X.RBV).</summary>
    public abstract string Source { get; }

    /// <summary>How long a get or put waits before failing with <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Read, write, read-write or execute.</summary>
    public abstract SignalAccess Access { get; }

    /// <summary>The signal's name, access, datatype and sources, for listings.</summary>
    public abstract SignalInfo Info { get; }

    /// <inheritdoc/>
    public override IEnumerable<KeyValuePair<string, Device>> Children => [];
}
