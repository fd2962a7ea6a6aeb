namespace Hyperion.ChannelAccess.Server;

/// <summary>The PVs a server serves: it answers searches only for names the provider knows.</summary>
public interface IPvProvider
{
    /// <summary>The PV called <paramref name="name"/>, or null when this provider does not serve it.</summary>
    IServerPv? Find(string name);

    /// <summary>
    /// Raised when PVs the provider served stop being served (an IOC going down): a <see cref="CaServer"/> drops its
    /// channels to them with SERVER_DISCONN and an in-process client marks them disconnected; both reconnect once
    /// <see cref="Find"/> returns them again. Most providers never withdraw a PV, hence the empty default.
    /// </summary>
    event EventHandler<PvsWithdrawnEventArgs>? PvsWithdrawn
    {
        add { }
        remove { }
    }
}
