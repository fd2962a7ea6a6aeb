using System.Globalization;
using System.Net;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// How a <see cref="CaServer"/> listens, announces itself and limits its clients. <see cref="FromEnvironment()"/>
/// reads the EPICS_CAS_* and EPICS_CA_* variables rsrv reads; anything may then be overridden with a
/// <c>with</c> expression (e.g. <c>CaServerOptions.FromEnvironment() with { ServerPort = 0 }</c>).
/// </summary>
public sealed record CaServerOptions
{
    /// <summary>The default largest array payload: 64 MiB (base 7 grows its buffers as needed; we cap them).</summary>
    public const int DefaultMaxArrayBytes = 64 * 1024 * 1024;

    /// <summary>The smallest array payload limit (rsrv's MAX_TCP): smaller settings are rounded up to it.</summary>
    public const int MinimumMaxArrayBytes = 16 * 1024;

    /// <summary>The default number of scalar subscription updates queued per circuit before they merge.</summary>
    public const int DefaultMaxQueuedUpdates = 10_000;

    /// <summary>The default longest beacon period (EPICS_CAS_BEACON_PERIOD): 15 seconds.</summary>
    public static readonly TimeSpan DefaultBeaconPeriod = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The addresses to listen on (EPICS_CAS_INTF_ADDR_LIST). Loopback only by default, so a twin is private to
    /// its host; <see cref="IPAddress.Any"/> listens on every interface.
    /// </summary>
    public IReadOnlyList<IPAddress> InterfaceAddresses { get; init; } = [IPAddress.Loopback];

    /// <summary>
    /// The TCP port and UDP search port (EPICS_CAS_SERVER_PORT, else EPICS_CA_SERVER_PORT; 5064). When the TCP port
    /// is taken another is chosen and announced in search replies, while searches are still heard on this UDP port
    /// (shared with other servers, as EPICS does). 0 picks a free port for both (see <see cref="CaServer.TcpPort"/>).
    /// </summary>
    public int ServerPort { get; init; } = CaProtocol.ServerPort;

    /// <summary>The port beacons are sent to (EPICS_CAS_BEACON_PORT, else EPICS_CA_REPEATER_PORT; 5065).</summary>
    public int BeaconPort { get; init; } = CaProtocol.RepeaterPort;

    /// <summary>Where beacons go besides the automatic list (EPICS_CAS_BEACON_ADDR_LIST, else EPICS_CA_ADDR_LIST).</summary>
    public IReadOnlyList<IPEndPoint> BeaconAddresses { get; init; } = [];

    /// <summary>
    /// Whether beacons also go to the broadcast address of each interface listened on, or to the local repeater
    /// when listening on loopback (EPICS_CAS_AUTO_BEACON_ADDR_LIST, else EPICS_CA_AUTO_ADDR_LIST; YES).
    /// </summary>
    public bool AutoBeaconAddresses { get; init; } = true;

    /// <summary>The longest beacon interval (EPICS_CAS_BEACON_PERIOD, else EPICS_CA_BEACON_PERIOD; 15 s). Beacons start 20 ms apart and double.</summary>
    public TimeSpan BeaconPeriod { get; init; } = DefaultBeaconPeriod;

    /// <summary>The largest payload accepted from or sent to a client (EPICS_CA_MAX_ARRAY_BYTES).</summary>
    public int MaxArrayBytes { get; init; } = DefaultMaxArrayBytes;

    /// <summary>Scalar subscription updates queued per circuit before updates of one subscription merge to its latest.</summary>
    public int MaxQueuedUpdates { get; init; } = DefaultMaxQueuedUpdates;

    /// <summary>The options the process environment gives.</summary>
    public static CaServerOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// The options <paramref name="getVariable"/> gives (a lookup of environment variables, null when unset).
    /// Throws <see cref="FormatException"/> naming the variable when a value cannot be understood.
    /// </summary>
    public static CaServerOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name)
        {
            var value = getVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        string? First(string preferred, string fallback, out string name)
        {
            name = preferred;
            var value = Get(preferred);
            if (value is null)
            {
                name = fallback;
                value = Get(fallback);
            }

            return value;
        }

        var options = new CaServerOptions();
        if (Get("EPICS_CAS_INTF_ADDR_LIST") is { } interfaces)
        {
            var addresses = EpicsAddressList.Parse("EPICS_CAS_INTF_ADDR_LIST", interfaces, 0).Select(e => e.Address).Distinct().ToArray();
            if (addresses.Length > 1 && addresses.Contains(IPAddress.Any))
            {
                throw new FormatException("EPICS_CAS_INTF_ADDR_LIST can not contain 0.0.0.0 and other interface addresses.");
            }

            options = options with { InterfaceAddresses = addresses.Length == 0 ? options.InterfaceAddresses : addresses };
        }

        if (First("EPICS_CAS_SERVER_PORT", "EPICS_CA_SERVER_PORT", out var portName) is { } port)
        {
            options = options with { ServerPort = EpicsAddressList.ParsePort(portName, port) };
        }

        if (First("EPICS_CAS_BEACON_PORT", "EPICS_CA_REPEATER_PORT", out var beaconPortName) is { } beaconPort)
        {
            options = options with { BeaconPort = EpicsAddressList.ParsePort(beaconPortName, beaconPort) };
        }

        if (First("EPICS_CAS_BEACON_ADDR_LIST", "EPICS_CA_ADDR_LIST", out var listName) is { } list)
        {
            options = options with { BeaconAddresses = EpicsAddressList.Parse(listName, list, options.BeaconPort) };
        }

        if (First("EPICS_CAS_AUTO_BEACON_ADDR_LIST", "EPICS_CA_AUTO_ADDR_LIST", out var autoName) is { } auto)
        {
            options = options with { AutoBeaconAddresses = ParseYesNo(autoName, auto) };
        }

        if (First("EPICS_CAS_BEACON_PERIOD", "EPICS_CA_BEACON_PERIOD", out var periodName) is { } period)
        {
            if (!double.TryParse(period, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                throw new FormatException($"{periodName}='{period}' is not a number of seconds.");
            }

            // rsrv falls back to 15 s for a period that is not positive.
            options = options with { BeaconPeriod = seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultBeaconPeriod };
        }

        if (Get("EPICS_CA_MAX_ARRAY_BYTES") is { } maxBytes)
        {
            if (!long.TryParse(maxBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) || bytes < 0)
            {
                throw new FormatException($"EPICS_CA_MAX_ARRAY_BYTES='{maxBytes}' is not a positive integer.");
            }

            options = options with { MaxArrayBytes = (int)Math.Clamp(bytes, MinimumMaxArrayBytes, Array.MaxLength - 64L) };
        }

        return options;
    }

    private static bool ParseYesNo(string name, string text) => text.ToUpperInvariant() switch
    {
        "YES" or "Y" or "TRUE" or "1" => true,
        "NO" or "N" or "FALSE" or "0" => false,
        _ => throw new FormatException($"{name}='{text}' must be YES or NO."),
    };
}
