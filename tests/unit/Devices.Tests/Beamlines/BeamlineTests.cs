using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;

namespace Hyperion.Devices.Tests.Beamlines;

public class BeamlineTests
{
    [Theory]
    [InlineData("i03", "BL03I", "SR03I", "FE03I", false)]
    [InlineData("s03", "BL03S", "SR03S", "FE03S", true)]
    [InlineData("I04", "BL04I", "SR04I", "FE04I", false)]
    public void Prefixes_follow_dodals_beamline_prefix(string name, string beamline, string insertion, string frontend, bool simulated)
    {
        var prefixes = new BeamlinePrefixes(name);
        Assert.Equal((beamline, insertion, frontend, simulated), (prefixes.Beamline, prefixes.Insertion, prefixes.Frontend, prefixes.IsSimulated));
    }

    [Theory]
    [InlineData("")]
    [InlineData("i3")]
    [InlineData("b03x")]
    [InlineData("103")]
    public void A_name_that_is_not_a_beamline_is_refused(string name) =>
        Assert.Contains("is not a beamline name", Assert.Throws<ArgumentException>(() => new BeamlinePrefixes(name)).Message, StringComparison.Ordinal);

    [Fact]
    public void Only_i03_and_s03_are_defined() =>
        Assert.Contains("'i04' is not i03 or s03", Assert.Throws<ArgumentException>(() => I03Beamline.Create("i04")).Message, StringComparison.Ordinal);

    [Fact]
    public void Devices_are_made_once_on_first_use_named_after_their_factory()
    {
        var made = 0;
        var beamline = new Beamline("s03", [new DeviceFactory("lower_gonio", b => { made++; return new XyzStage($"{b.Prefixes.Beamline}-MO-GONP-01:"); })]);
        Assert.Equal(0, made);
        var gonio = beamline.Get<XyzStage>("lower_gonio");
        Assert.Same(gonio, beamline.Get("lower_gonio"));
        Assert.Equal(1, made);
        Assert.Equal("lower_gonio-x", gonio.X.Name);
        Assert.Equal("ca://BL03S-MO-GONP-01:X.RBV", gonio.X.UserReadback.Source);
    }

    [Fact]
    public void Devices_dodal_skips_on_the_simulator_are_absent_on_s03_only()
    {
        DeviceFactory[] factories = [new("eiger", _ => new XyzStage("E:"), AbsentOnSimulator: true), new("smargon", _ => new XyzStage("S:"))];
        var s03 = new Beamline("s03", factories);
        var i03 = new Beamline("i03", factories);
        Assert.Equal(["smargon"], s03.DeviceNames);
        Assert.Equal(["eiger", "smargon"], i03.DeviceNames);
        Assert.Contains("s03 is simulated and has no 'eiger'", Assert.Throws<KeyNotFoundException>(() => s03.Get("eiger")).Message, StringComparison.Ordinal);
        Assert.Contains("Its devices: smargon", Assert.Throws<KeyNotFoundException>(() => s03.Get("robot")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connecting_all_devices_in_mock_mode_reports_every_one_connected()
    {
        var beamline = I03Beamline.Create("s03");
        var report = await beamline.ConnectAllAsync(new DeviceConnectOptions { Mock = true });
        Assert.True(report.AllConnected);
        Assert.Equal(beamline.DeviceNames, report.Connected);
    }

    [Fact]
    public async Task Every_i03_device_is_made_from_the_bundled_configuration_and_mock_connects()
    {
        var beamline = I03Beamline.Create("i03");
        var report = await beamline.ConnectAllAsync(new DeviceConnectOptions { Mock = true });
        Assert.True(report.AllConnected, string.Join("\n", report.Failed.Select(f => $"{f.Key}: {f.Value.Message}")));
        Assert.Equal(27, report.Connected.Count);
        Assert.Contains("eiger", report.Connected);
        Assert.Contains("beamsize", report.Connected);
    }

    [Fact]
    public async Task The_twin_can_ask_for_the_devices_dodal_skips_on_s03()
    {
        var beamline = I03Beamline.Create("s03", includeSimulatorAbsent: true);
        Assert.Contains("eiger", beamline.DeviceNames);
        var report = await beamline.ConnectAllAsync(new DeviceConnectOptions { Mock = true });
        Assert.True(report.AllConnected);
    }

    [Fact]
    public async Task Connecting_all_devices_reports_those_that_fail_without_throwing()
    {
        await using var ioc = await Support.SoftIoc.StartAsync("""
            record(motor, "BL03S-MO-GONP-01:X") {}
            """);
        var beamline = new Beamline("s03", [new DeviceFactory("lower_gonio", b => new XyzStage($"{b.Prefixes.Beamline}-MO-GONP-01:")), new DeviceFactory("x_only", b => new Motor($"{b.Prefixes.Beamline}-MO-GONP-01:X"))]);
        var report = await beamline.ConnectAllAsync(ioc.Connect(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(["x_only"], report.Connected);
        var error = Assert.IsType<Errors.NotConnectedException>(report.Failed["lower_gonio"]);
        Assert.Contains(error.Failures(), f => f.StartsWith("y.user_readback: ca://BL03S-MO-GONP-01:Y.RBV", StringComparison.Ordinal));
    }
}
