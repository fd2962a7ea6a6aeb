using System.Globalization;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// How a <see cref="CaClient"/> finds servers and keeps circuits alive. <see cref="FromEnvironment"/> reads the
/// EPICS_CA_* variables as libca does; each property can then be overridden (tests use explicit loopback lists).
/// </summary>
public sealed record CaClientOptions
{
    /// <summary>libca's lower bound on EPICS_CA_MAX_SEARCH_PERIOD (maxSearchPeriodLowerLimit).</summary>
    public static readonly TimeSpan MaxSearchPeriodLowerLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where searches go (EPICS_CA_ADDR_LIST): "host" or "host:port" entries; a missing port is
    /// <see cref="ServerPort"/>. Broadcast addresses are allowed.
    /// </summary>
    public IReadOnlyList<string> AddressList { get; init; } = [];

    /// <summary>
    /// Whether the broadcast address of every IPv4 interface is added to <see cref="AddressList"/>
    /// (EPICS_CA_AUTO_ADDR_LIST, default YES).
    /// </summary>
    public bool AutoAddressList { get; init; } = true;

    /// <summary>TCP name servers that answer searches over a circuit (EPICS_CA_NAME_SERVERS), "host[:port]" entries.</summary>
    public IReadOnlyList<string> NameServers { get; init; } = [];

    /// <summary>The servers' default port for searches and circuits (EPICS_CA_SERVER_PORT, default 5064).</summary>
    public int ServerPort { get; init; } = CaProtocol.ServerPort;

    /// <summary>The CA repeater's port, through which beacons reach clients (EPICS_CA_REPEATER_PORT, default 5065).</summary>
    public int RepeaterPort { get; init; } = CaProtocol.RepeaterPort;

    /// <summary>Whether the client registers with a CA repeater on this host to hear server beacons.</summary>
    public bool RegisterWithRepeater { get; init; } = true;

    /// <summary>
    /// The longest interval between searches for an unresolved channel (EPICS_CA_MAX_SEARCH_PERIOD, default
    /// 300 s; the environment cannot set less than 60 s, as in libca).
    /// </summary>
    public TimeSpan MaxSearchPeriod { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The first interval between searches, doubled after each unanswered search (libca's minimum round-trip
    /// estimate, 32 ms).
    /// </summary>
    public TimeSpan MinSearchPeriod { get; init; } = TimeSpan.FromMilliseconds(32);

    /// <summary>How long a circuit may be silent before an ECHO probes it (EPICS_CA_CONN_TMO, default 30 s).</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an ECHO may go unanswered before the circuit is dropped (libca's CA_ECHO_TIMEOUT, 5 s).</summary>
    public TimeSpan EchoTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest array payload, in bytes, sent or accepted when <see cref="AutoArrayBytes"/> is false
    /// (EPICS_CA_MAX_ARRAY_BYTES, default 16384).
    /// </summary>
    public int MaxArrayBytes { get; init; } = CaProtocol.DefaultMaxArrayBytes;

    /// <summary>
    /// Whether buffers grow as large arrays need, ignoring <see cref="MaxArrayBytes"/> (EPICS_CA_AUTO_ARRAY_BYTES,
    /// default YES since EPICS base 3.16).
    /// </summary>
    public bool AutoArrayBytes { get; init; } = true;

    /// <summary>The user name sent in CLIENT_NAME (default: the process's user).</summary>
    public string UserName { get; init; } = Environment.UserName;

    /// <summary>The host name sent in HOST_NAME (default: this machine's name).</summary>
    public string HostName { get; init; } = Environment.MachineName;

    /// <summary>The circuit priority sent in VERSION (0 to 99; libca's default is 0).</summary>
    public ushort Priority { get; init; }

    /// <summary>
    /// The options the EPICS_CA_* environment variables describe, as libca reads them. <paramref name="environment"/>
    /// looks a variable up (default: the process environment). Throws <see cref="ArgumentException"/> naming the
    /// variable when a value cannot be parsed.
    /// </summary>
    public static CaClientOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var defaults = new CaClientOptions();
        var maxSearch = Seconds(environment, "EPICS_CA_MAX_SEARCH_PERIOD", defaults.MaxSearchPeriod);
        return defaults with
        {
            AddressList = List(environment("EPICS_CA_ADDR_LIST")),
            AutoAddressList = YesNo(environment, "EPICS_CA_AUTO_ADDR_LIST", defaults.AutoAddressList),
            NameServers = List(environment("EPICS_CA_NAME_SERVERS")),
            ServerPort = Port(environment, "EPICS_CA_SERVER_PORT", defaults.ServerPort),
            RepeaterPort = Port(environment, "EPICS_CA_REPEATER_PORT", defaults.RepeaterPort),
            MaxSearchPeriod = maxSearch < MaxSearchPeriodLowerLimit ? MaxSearchPeriodLowerLimit : maxSearch,
            ConnectionTimeout = Seconds(environment, "EPICS_CA_CONN_TMO", defaults.ConnectionTimeout),
            MaxArrayBytes = Math.Max(CaProtocol.DefaultMaxArrayBytes, Integer(environment, "EPICS_CA_MAX_ARRAY_BYTES", defaults.MaxArrayBytes)),
            AutoArrayBytes = YesNo(environment, "EPICS_CA_AUTO_ARRAY_BYTES", defaults.AutoArrayBytes),
        };
    }

    /// <summary>Splits a space-separated address list as libca does (empty entries ignored).</summary>
    public static IReadOnlyList<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool YesNo(Func<string, string?> environment, string name, bool fallback)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return text.Trim().ToUpperInvariant() switch
        {
            "YES" or "Y" or "TRUE" or "1" => true,
            "NO" or "N" or "FALSE" or "0" => false,
            _ => throw new ArgumentException($"{name}='{text}' is not YES or NO.", nameof(environment)),
        };
    }

    private static int Port(Func<string, string?> environment, string name, int fallback)
    {
        var port = Integer(environment, name, fallback);
        return port is > 0 and <= ushort.MaxValue
            ? port
            : throw new ArgumentException($"{name}={port} is not a port number (1 to 65535).", nameof(environment));
    }

    private static int Integer(Func<string, string?> environment, string name, int fallback)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name}='{text}' is not an integer.", nameof(environment));
    }

    private static TimeSpan Seconds(Func<string, string?> environment, string name, TimeSpan fallback)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{name}='{text}' is not a positive number of seconds.", nameof(environment));
    }
}
