namespace Hyperion.ChannelAccess.Pv;

/// <summary>The connection state of a channel.</summary>
public enum PvConnectionState
{
    /// <summary>Searching for a server, or waiting for one to come back.</summary>
    Disconnected,

    /// <summary>Connected: reads, writes and subscriptions work.</summary>
    Connected,

    /// <summary>Closed by the client; it will not reconnect.</summary>
    Closed,
}
