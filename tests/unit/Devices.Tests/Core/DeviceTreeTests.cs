using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Tests.Support;

namespace Hyperion.Devices.Tests.Core;

public class DeviceTreeTests
{
    private sealed class Stage(string prefix, string name = "") : Device(name)
    {
        public SignalRW<double> X { get; } = Epics.SignalRW<double>(prefix + "X");

        public SignalR<double> YReadback { get; } = Epics.SignalR<double>(prefix + "Y.RBV");

        [DeviceChild("zee")]
        public SignalR<int> Z { get; } = Epics.SignalR<int>(prefix + "Z");
    }

    private sealed class Table(string prefix, string name = "") : Device(name)
    {
        public Stage Upper { get; } = new(prefix + "UP:");

        public Stage Lower { get; } = new(prefix + "LO:");

        [NotAChild]
        public Stage? Elsewhere { get; init; }
    }

    [Fact]
    public void Children_are_named_after_the_parent_with_a_dash_and_snake_case()
    {
        var table = new Table("BL03S-MO-TABLE-01:", "table");

        Assert.Equal("table-upper", table.Upper.Name);
        Assert.Equal("table-upper-x", table.Upper.X.Name);
        Assert.Equal("table-lower-y_readback", table.Lower.YReadback.Name);
        Assert.Equal("table-lower-zee", table.Lower.Z.Name);
        Assert.Same(table, table.Upper.Parent);
        Assert.Equal(["upper", "lower"], table.Children.Select(c => c.Key));
        Assert.Equal(8, table.Descendants().Count());
    }

    [Fact]
    public void Renaming_a_device_renames_its_whole_tree()
    {
        var table = new Table("P:", "table");
        table.SetName("bench");
        Assert.Equal("bench-lower-x", table.Lower.X.Name);
    }

    [Fact]
    public async Task Mock_connect_needs_no_pvs()
    {
        var table = new Table("P:", "table");
        await table.ConnectAsync(new DeviceConnectOptions { Mock = true });
        Assert.True(table.ConnectedInMockMode);
        Assert.StartsWith("mock+ca://P:UP:X", table.Upper.X.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_connect_is_remembered_until_forced()
    {
        var backend = new CountingBackend<double>(1.0);
        var signal = new SignalR<double>(backend, "s");
        await signal.ConnectAsync();
        await signal.ConnectAsync();
        Assert.Equal(1, backend.Connects);
        await signal.ConnectAsync(new DeviceConnectOptions { Force = true });
        Assert.Equal(2, backend.Connects);
    }

    [Fact]
    public async Task A_tree_that_cannot_connect_names_every_missing_pv()
    {
        await using var ioc = await SoftIoc.StartAsync("""record(ao, "P:UP:X") {}""");
        var table = new Table("P:", "table");

        var error = await Assert.ThrowsAsync<NotConnectedException>(() => table.ConnectAsync(ioc.Connect(TimeSpan.FromSeconds(1.5))));

        var failures = error.Failures().ToList();
        Assert.True(failures.Count == 5, string.Join("\n", failures));
        Assert.Contains(failures, f => f.StartsWith("upper.y_readback: ca://P:UP:Y.RBV did not connect within 1.5 s", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("lower.x: ca://P:LO:X", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.StartsWith("upper.x:", StringComparison.Ordinal));
        Assert.Contains("upper:\n    y_readback: ca://P:UP:Y.RBV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_vectors_name_their_members_by_index()
    {
        var vector = new DeviceVector<SignalRW<double>>(Enumerable.Range(1, 3).ToDictionary(i => i, _ => Soft.SignalRW(0.0)), "filters");
        await vector.ConnectAsync(new DeviceConnectOptions { Mock = true });
        Assert.Equal("filters-2", vector[2].Name);
        Assert.Equal(3, vector.Count);
    }
}
