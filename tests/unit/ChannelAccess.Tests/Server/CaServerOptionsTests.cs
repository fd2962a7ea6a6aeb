using System.Net;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

public class CaServerOptionsTests
{
    [Fact]
    public void Defaults_bind_loopback_on_5064_with_beacons_to_5065_every_15_s_at_most()
    {
        var options = CaServerOptions.FromEnvironment(_ => null);
        Assert.Equal([IPAddress.Loopback], options.InterfaceAddresses);
        Assert.Equal(5064, options.ServerPort);
        Assert.Equal(5065, options.BeaconPort);
        Assert.True(options.AutoBeaconAddresses);
        Assert.Equal(TimeSpan.FromSeconds(15), options.BeaconPeriod);
        Assert.Empty(options.BeaconAddresses);
    }

    [Fact]
    public void Cas_variables_are_preferred_over_ca_ones()
    {
        var env = new Dictionary<string, string>
        {
            ["EPICS_CAS_INTF_ADDR_LIST"] = "0.0.0.0",
            ["EPICS_CAS_SERVER_PORT"] = "6064",
            ["EPICS_CA_SERVER_PORT"] = "7064",
            ["EPICS_CA_REPEATER_PORT"] = "6065",
            ["EPICS_CAS_BEACON_ADDR_LIST"] = "10.0.0.255 10.1.0.255:7000",
            ["EPICS_CA_ADDR_LIST"] = "192.168.0.255",
            ["EPICS_CAS_AUTO_BEACON_ADDR_LIST"] = "NO",
            ["EPICS_CAS_BEACON_PERIOD"] = "2.5",
            ["EPICS_CA_MAX_ARRAY_BYTES"] = "10000000",
        };
        var options = CaServerOptions.FromEnvironment(name => env.GetValueOrDefault(name));
        Assert.Equal([IPAddress.Any], options.InterfaceAddresses);
        Assert.Equal(6064, options.ServerPort);
        Assert.Equal(6065, options.BeaconPort);
        Assert.Equal([new IPEndPoint(IPAddress.Parse("10.0.0.255"), 6065), new IPEndPoint(IPAddress.Parse("10.1.0.255"), 7000)], options.BeaconAddresses);
        Assert.False(options.AutoBeaconAddresses);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.BeaconPeriod);
        Assert.Equal(10_000_000, options.MaxArrayBytes);
    }

    [Fact]
    public void Ca_variables_are_the_fallback()
    {
        var env = new Dictionary<string, string>
        {
            ["EPICS_CA_SERVER_PORT"] = "7064",
            ["EPICS_CA_ADDR_LIST"] = "192.168.0.255",
            ["EPICS_CA_AUTO_ADDR_LIST"] = "no",
            ["EPICS_CA_BEACON_PERIOD"] = "-1",
            ["EPICS_CA_MAX_ARRAY_BYTES"] = "100",
        };
        var options = CaServerOptions.FromEnvironment(name => env.GetValueOrDefault(name));
        Assert.Equal(7064, options.ServerPort);
        Assert.Equal([new IPEndPoint(IPAddress.Parse("192.168.0.255"), 5065)], options.BeaconAddresses);
        Assert.False(options.AutoBeaconAddresses);
        Assert.Equal(TimeSpan.FromSeconds(15), options.BeaconPeriod);
        Assert.Equal(CaServerOptions.MinimumMaxArrayBytes, options.MaxArrayBytes);
    }

    [Theory]
    [InlineData("EPICS_CAS_SERVER_PORT", "70000")]
    [InlineData("EPICS_CAS_INTF_ADDR_LIST", "0.0.0.0 127.0.0.1")]
    [InlineData("EPICS_CAS_AUTO_BEACON_ADDR_LIST", "maybe")]
    [InlineData("EPICS_CAS_BEACON_PERIOD", "soon")]
    [InlineData("EPICS_CA_MAX_ARRAY_BYTES", "lots")]
    public void Values_that_make_no_sense_are_reported_with_their_variable(string variable, string value)
    {
        var error = Assert.Throws<FormatException>(() => CaServerOptions.FromEnvironment(name => name == variable ? value : null));
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_overrides_win_over_the_environment()
    {
        var options = CaServerOptions.FromEnvironment(name => name == "EPICS_CAS_SERVER_PORT" ? "6064" : null) with { ServerPort = 0 };
        Assert.Equal(0, options.ServerPort);
    }

    [Fact]
    public void A_server_refuses_ports_out_of_range_and_non_ipv4_interfaces()
    {
        var provider = new InMemoryPvProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaServer(provider, new CaServerOptions { ServerPort = 70000 }));
        Assert.Throws<ArgumentException>(() => new CaServer(provider, new CaServerOptions { InterfaceAddresses = [IPAddress.IPv6Loopback] }));
        Assert.Throws<ArgumentException>(() => new CaServer(provider, new CaServerOptions { InterfaceAddresses = [] }));
    }
}
