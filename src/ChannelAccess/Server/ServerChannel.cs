using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>One channel of a circuit: the client's id, ours, the PV behind it, the client's rights and its subscriptions.</summary>
internal sealed class ServerChannel(uint cid, uint sid, IServerPv pv, AccessRights rights)
{
    public uint Cid { get; } = cid;

    public uint Sid { get; } = sid;

    public IServerPv Pv { get; } = pv;

    public AccessRights Rights { get; } = rights;

    public bool CanRead => (Rights & AccessRights.Read) != 0;

    public bool CanWrite => (Rights & AccessRights.Write) != 0;

    /// <summary>Subscriptions in the order they were added (several per channel are allowed, as in rsrv).</summary>
    public List<ServerSubscription> Subscriptions { get; } = [];

    /// <summary>False once the channel is cleared or the circuit closes: late write completions are then dropped.</summary>
    public bool IsOpen { get; set; } = true;
}
