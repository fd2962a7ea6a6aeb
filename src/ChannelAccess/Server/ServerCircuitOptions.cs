using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>The settings one circuit needs from its server.</summary>
public sealed record ServerCircuitOptions
{
    /// <summary>The server's TCP port, announced in replies to searches made over the circuit.</summary>
    public ushort ServerPort { get; init; } = CaProtocol.ServerPort;

    /// <summary>
    /// The largest payload accepted from the client and sent to it (EPICS_CA_MAX_ARRAY_BYTES): a larger request is
    /// answered with ECA_TOLARGE and skipped; a larger reply is refused with ECA_TOLARGE.
    /// </summary>
    public int MaxArrayBytes { get; init; } = CaServerOptions.DefaultMaxArrayBytes;

    /// <summary>Scalar subscription updates queued per circuit before updates of the same subscription merge.</summary>
    public int MaxQueuedUpdates { get; init; } = CaServerOptions.DefaultMaxQueuedUpdates;

    /// <summary>
    /// Queued output, in bytes, at which subscription updates wait and the socket adapter stops reading requests
    /// until the client has taken some (back-pressure, as rsrv's blocking send gives).
    /// </summary>
    public int OutputHighWater { get; init; } = 256 * 1024;
}
