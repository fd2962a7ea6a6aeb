using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Pv;

namespace Hyperion.Devices.Backends;

/// <summary>
/// The PV client that PV-backed signals use when a connect does not name one: a Channel Access client configured
/// from the EPICS_CA_* environment, made on first use. The twin or a test can put another in its place.
/// </summary>
public static class PvClients
{
    private static readonly Lock Gate = new();
    private static IPvClient? _default;

    /// <summary>The default client (a <see cref="CaClient"/> from the environment unless replaced).</summary>
    public static IPvClient Default
    {
        get
        {
            lock (Gate)
            {
                return _default ??= new CaClient(CaClientOptions.FromEnvironment());
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (Gate)
            {
                _default = value;
            }
        }
    }
}
