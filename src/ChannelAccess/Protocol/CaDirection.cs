namespace Hyperion.ChannelAccess.Protocol;

/// <summary>Who sent a message: several commands mean different things in each direction.</summary>
public enum CaDirection
{
    /// <summary>Sent by a client (requests).</summary>
    FromClient,

    /// <summary>Sent by a server (responses, beacons).</summary>
    FromServer,
}
