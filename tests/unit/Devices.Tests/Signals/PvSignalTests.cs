using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Tests.Support;

namespace Hyperion.Devices.Tests.Signals;

public sealed class PvSignalTests : IAsyncLifetime
{
    private const string Database = """
        record(ao, "T:ENERGY") {
            field(VAL, "12.7") field(EGU, "keV") field(PREC, "4")
            field(DRVH, "25") field(DRVL, "5") field(HOPR, "30") field(LOPR, "1")
        }
        record(mbbo, "T:SHUTTER") { field(ZRST, "Closed") field(ONST, "Open") field(VAL, "1") }
        record(mbbo, "T:MODE") { field(ZRST, "Closed") field(ONST, "Open") field(TWST, "Fault") }
        record(bo, "T:ENABLED") { field(ZNAM, "Off") field(ONAM, "On") field(VAL, "1") }
        record(longout, "T:COUNT") { field(VAL, "42") }
        record(stringout, "T:NAME") { field(VAL, "thaumatin") }
        record(waveform, "T:EDGES") { field(FTVL, "LONG") field(NELM, "8") }
        record(waveform, "T:PATH") { field(FTVL, "CHAR") field(NELM, "256") }
        """;

    private SoftIoc _ioc = null!;

    [SubsetEnum]
    private enum OpenClosed
    {
        Closed,
        Open,
    }

    public async Task InitializeAsync() => _ioc = await SoftIoc.StartAsync(Database);

    public async Task DisposeAsync() => await _ioc.DisposeAsync();

    [Fact]
    public async Task A_double_pv_describes_its_units_precision_and_limits()
    {
        var energy = Epics.SignalRW<double>("T:ENERGY", name: "dcm-energy");
        await energy.ConnectAsync(_ioc.Connect());
        var key = (await energy.DescribeAsync())["dcm-energy"];
        Assert.Equal(("number", "keV", 4, "ca://T:ENERGY"), (key.Dtype, key.Units, key.Precision, key.Source));
        Assert.Equal(new LimitsRange(5, 25), key.Limits!.Control);
        Assert.Equal(new LimitsRange(1, 30), key.Limits.Display);
        Assert.Equal(12.7, await energy.GetValueAsync());
        await energy.SetAsync(20);
        Assert.Equal(20, await energy.GetValueAsync());
    }

    [Fact]
    public async Task An_enum_pv_reads_and_writes_labels_and_describes_its_choices()
    {
        var shutter = Epics.SignalRW<ShutterState>("T:SHUTTER", name: "shutter");
        await shutter.ConnectAsync(_ioc.Connect());
        Assert.Equal(ShutterState.Open, await shutter.GetValueAsync());
        await shutter.SetAsync(ShutterState.Closed);
        Assert.Equal(ShutterState.Closed, await shutter.GetValueAsync());
        Assert.Equal(["Closed", "Open"], (await shutter.DescribeAsync())["shutter"].Choices);
    }

    [Fact]
    public async Task A_strict_enum_must_match_every_choice_of_the_pv()
    {
        var mode = Epics.SignalRW<ShutterState>("T:MODE", name: "mode");
        var error = await Assert.ThrowsAsync<NotConnectedException>(() => mode.ConnectAsync(_ioc.Connect()));
        Assert.Contains("does not match the PV's choices (Closed, Open, Fault): missing none, unexpected Fault", error.Message, StringComparison.Ordinal);
        Assert.IsType<SignalTypeException>(error.InnerException);
    }

    [Fact]
    public async Task A_subset_enum_may_leave_choices_out()
    {
        var mode = Epics.SignalRW<OpenClosed>("T:MODE", name: "mode");
        await mode.ConnectAsync(_ioc.Connect());
        Assert.Equal(OpenClosed.Closed, await mode.GetValueAsync());
    }

    [Fact]
    public async Task A_pv_whose_type_cannot_hold_the_signals_type_is_refused_at_connect()
    {
        var count = Epics.SignalR<int>("T:ENERGY", name: "count");
        var error = await Assert.ThrowsAsync<NotConnectedException>(() => count.ConnectAsync(_ioc.Connect()));
        Assert.Contains("T:ENERGY: the signal expects int but the PV is DBR_DOUBLE[1], which cannot be read as an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Booleans_integers_strings_and_labels_convert()
    {
        var enabled = Epics.SignalRW<bool>("T:ENABLED");
        var count = Epics.SignalRW<int>("T:COUNT");
        var name = Epics.SignalRW<string>("T:NAME");
        var shutterText = Epics.SignalR<string>("T:SHUTTER");
        await Task.WhenAll(enabled.ConnectAsync(_ioc.Connect()), count.ConnectAsync(_ioc.Connect()), name.ConnectAsync(_ioc.Connect()), shutterText.ConnectAsync(_ioc.Connect()));
        Assert.True(await enabled.GetValueAsync());
        await enabled.SetAsync(false);
        Assert.False(await enabled.GetValueAsync());
        Assert.Equal(42, await count.GetValueAsync());
        Assert.Equal("thaumatin", await name.GetValueAsync());
        Assert.Equal("Open", await shutterText.GetValueAsync());
    }

    [Fact]
    public async Task Arrays_and_long_strings_round_trip()
    {
        var edges = Epics.SignalRW<int[]>("T:EDGES", name: "edges");
        var path = Epics.SignalRW<string>("T:PATH", name: "path");
        await edges.ConnectAsync(_ioc.Connect());
        await path.ConnectAsync(_ioc.Connect());
        await edges.SetAsync([3, 1, 4, 1, 5]);
        Assert.Equal(new[] { 3, 1, 4, 1, 5 }, await edges.GetValueAsync());
        Assert.Equal([5], (await edges.DescribeAsync())["edges"].Shape);
        const string longPath = "/dls/i03/data/2026/cm12345-1/xraycentring/thaumatin_1_master.h5";
        await path.SetAsync(longPath);
        Assert.Equal(longPath, await path.GetValueAsync());
    }

    [Fact]
    public async Task A_monitored_signal_sees_changes_made_by_other_clients()
    {
        var writer = Epics.SignalRW<int>("T:COUNT");
        var reader = Epics.SignalR<int>("T:COUNT");
        await writer.ConnectAsync(_ioc.Connect());
        await reader.ConnectAsync(_ioc.Connect());
        var seen = new List<int>();
        using (reader.SubscribeValue(v => { lock (seen) { seen.Add(v); } }))
        {
            await reader.WaitForValueAsync(42, TimeSpan.FromSeconds(10));
            await writer.SetAsync(43);
            await reader.WaitForValueAsync(43, TimeSpan.FromSeconds(10));
        }

        lock (seen)
        {
            Assert.Equal([42, 43], seen.Distinct());
        }
    }

    [Fact]
    public async Task Reading_before_connecting_says_so()
    {
        var count = Epics.SignalR<int>("T:COUNT", "count");
        var error = await Assert.ThrowsAsync<NotConnectedException>(() => count.GetValueAsync());
        Assert.Contains("ca://T:COUNT has not been connected", error.Message, StringComparison.Ordinal);
    }
}
