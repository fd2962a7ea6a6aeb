namespace Hyperion.ChannelAccess.Server;

/// <summary>The PVs a server serves: it answers searches only for names the provider knows.</summary>
public interface IPvProvider
{
    /// <summary>The PV called <paramref name="name"/>, or null when this provider does not serve it.</summary>
    IServerPv? Find(string name);
}
