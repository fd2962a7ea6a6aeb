namespace Hyperion.Cli.Sim;

/// <summary>How the devices reach the twin's PVs.</summary>
public enum PvTransport
{
    /// <summary>The in-process client: same PV names, no network.</summary>
    InProcess,

    /// <summary>Channel Access on a loopback port, as real IOCs are reached.</summary>
    ChannelAccess,
}
