using Hyperion.ChannelAccess.Pv;

namespace Hyperion.Devices.Core;

/// <summary>How a device connects.</summary>
public sealed record DeviceConnectOptions
{
    /// <summary>The default connect time-out (ophyd-async's DEFAULT_TIMEOUT).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Connect every signal to a mock backend instead of its real one.</summary>
    public bool Mock { get; init; }

    /// <summary>How long the whole tree may take.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Connect again even if an earlier connect in the same mode succeeded.</summary>
    public bool Force { get; init; }

    /// <summary>The PV client for PV-backed signals; null uses <see cref="Backends.PvClients.Default"/>.</summary>
    public IPvClient? PvClient { get; init; }

    /// <summary>The clock mock backends stamp readings with; null is the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
