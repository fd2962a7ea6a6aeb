namespace Hyperion.ChannelAccess.Tests.Client;

public class CaClientOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void Without_variables_the_libca_defaults_apply()
    {
        var options = CaClientOptions.FromEnvironment(Env());

        Assert.Empty(options.AddressList);
        Assert.True(options.AutoAddressList);
        Assert.Empty(options.NameServers);
        Assert.Equal(5064, options.ServerPort);
        Assert.Equal(5065, options.RepeaterPort);
        Assert.Equal(TimeSpan.FromSeconds(300), options.MaxSearchPeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ConnectionTimeout);
        Assert.Equal(16384, options.MaxArrayBytes);
        Assert.True(options.AutoArrayBytes);
    }

    [Fact]
    public void The_EPICS_CA_variables_are_read()
    {
        var options = CaClientOptions.FromEnvironment(Env(
            ("EPICS_CA_ADDR_LIST", " 10.0.0.255  ioc1:5070 "),
            ("EPICS_CA_AUTO_ADDR_LIST", "NO"),
            ("EPICS_CA_NAME_SERVERS", "ns1:5075"),
            ("EPICS_CA_SERVER_PORT", "6064"),
            ("EPICS_CA_REPEATER_PORT", "6065"),
            ("EPICS_CA_MAX_SEARCH_PERIOD", "120"),
            ("EPICS_CA_CONN_TMO", "12.5"),
            ("EPICS_CA_MAX_ARRAY_BYTES", "1000000"),
            ("EPICS_CA_AUTO_ARRAY_BYTES", "no")));

        Assert.Equal(["10.0.0.255", "ioc1:5070"], options.AddressList);
        Assert.False(options.AutoAddressList);
        Assert.Equal(["ns1:5075"], options.NameServers);
        Assert.Equal(6064, options.ServerPort);
        Assert.Equal(6065, options.RepeaterPort);
        Assert.Equal(TimeSpan.FromSeconds(120), options.MaxSearchPeriod);
        Assert.Equal(TimeSpan.FromSeconds(12.5), options.ConnectionTimeout);
        Assert.Equal(1_000_000, options.MaxArrayBytes);
        Assert.False(options.AutoArrayBytes);
    }

    [Fact]
    public void The_max_search_period_cannot_be_set_below_60_seconds()
    {
        var options = CaClientOptions.FromEnvironment(Env(("EPICS_CA_MAX_SEARCH_PERIOD", "5")));

        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxSearchPeriod);
    }

    [Fact]
    public void Max_array_bytes_is_at_least_16384()
    {
        var options = CaClientOptions.FromEnvironment(Env(("EPICS_CA_MAX_ARRAY_BYTES", "100")));

        Assert.Equal(16384, options.MaxArrayBytes);
    }

    [Theory]
    [InlineData("EPICS_CA_SERVER_PORT", "http")]
    [InlineData("EPICS_CA_SERVER_PORT", "70000")]
    [InlineData("EPICS_CA_AUTO_ADDR_LIST", "maybe")]
    [InlineData("EPICS_CA_CONN_TMO", "-1")]
    [InlineData("EPICS_CA_MAX_ARRAY_BYTES", "lots")]
    public void A_malformed_variable_is_an_error_naming_it(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => CaClientOptions.FromEnvironment(Env((name, value))));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5", 5064)]
    [InlineData("10.0.0.5:5070", "10.0.0.5", 5070)]
    [InlineData("ioc-host", "ioc-host", 5064)]
    public void Address_list_entries_are_host_with_an_optional_port(string entry, string host, int port)
    {
        Assert.Equal((host, port), CaAddressList.Parse(entry, 5064));
    }

    [Fact]
    public void An_address_list_entry_with_a_bad_port_is_an_error_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => CaAddressList.Parse("ioc:99999", 5064));

        Assert.Contains("ioc:99999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Address_lists_resolve_to_ipv4_endpoints_without_duplicates()
    {
        var endpoints = await CaAddressList.ResolveAsync(["127.0.0.1", "localhost:5064", "127.0.0.1:6000"], 5064, CancellationToken.None);

        Assert.Equal(["127.0.0.1:5064", "127.0.0.1:6000"], endpoints.Select(e => e.ToString()));
    }

    [Fact]
    public async Task An_address_that_does_not_resolve_is_reported_and_the_others_kept()
    {
        var errors = new List<string>();

        var endpoints = await CaAddressList.ResolveAsync(["ioc:99999", "127.0.0.1:6000"], 5064, CancellationToken.None, (entry, _) => errors.Add(entry));

        Assert.Equal(["127.0.0.1:6000"], endpoints.Select(e => e.ToString()));
        Assert.Equal(["ioc:99999"], errors);
    }

    [Fact]
    public void The_automatic_list_holds_interface_broadcast_addresses_with_the_server_port_and_no_loopback()
    {
        var broadcasts = CaAddressList.BroadcastAddresses(5064);

        Assert.All(broadcasts, b => Assert.Equal(5064, b.Port));
        Assert.DoesNotContain(broadcasts, b => System.Net.IPAddress.IsLoopback(b.Address));
    }
}
