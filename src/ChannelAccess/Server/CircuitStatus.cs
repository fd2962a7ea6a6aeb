namespace Hyperion.ChannelAccess.Server;

/// <summary>What a circuit says after taking bytes from its client.</summary>
public enum CircuitStatus
{
    /// <summary>The circuit goes on.</summary>
    Open,

    /// <summary>
    /// The client broke the protocol (or asked to be dropped): send what is queued, which may end with an ERROR
    /// explaining why, then close the connection.
    /// </summary>
    Closed,
}
