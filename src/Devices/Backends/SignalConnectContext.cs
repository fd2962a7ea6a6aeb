using Hyperion.ChannelAccess.Pv;

namespace Hyperion.Devices.Backends;

/// <summary>What a backend's connect needs: how long it may take and the PV client PV backends use.</summary>
/// <param name="Timeout">How long to wait for the connection.</param>
/// <param name="PvClient">The client PV backends open channels on; null uses <see cref="PvClients.Default"/>.</param>
public sealed record SignalConnectContext(TimeSpan Timeout, IPvClient? PvClient = null);
