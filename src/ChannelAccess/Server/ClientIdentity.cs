using System.Net;

namespace Hyperion.ChannelAccess.Server;

/// <summary>Who a circuit's client is, as it told the server (CLIENT_NAME, HOST_NAME) and where it connects from.</summary>
/// <param name="UserName">The user name the client sent.</param>
/// <param name="HostName">The host name the client sent.</param>
/// <param name="Endpoint">The client's address.</param>
public sealed record ClientIdentity(string UserName, string HostName, IPEndPoint? Endpoint)
{
    /// <summary>A client that has not identified itself.</summary>
    public static ClientIdentity Anonymous { get; } = new(string.Empty, string.Empty, null);
}
