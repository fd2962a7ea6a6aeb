using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Oav;

namespace Hyperion.Devices.Tests.Mx.Oav;

public class OavTests
{
    private static async Task<OavBeamCentreFile> MockOavAsync(int xSize = 1024, int ySize = 768, string zoom = "1.0x")
    {
        var oav = new OavBeamCentreFile("BL03I-DI-OAV-01:", new OavConfigBeamCentre(TestDataFiles.ZoomLevels, TestDataFiles.DisplayConfiguration), "oav");
        await oav.ConnectAsync(new DeviceConnectOptions { Mock = true });
        oav.GridSnapshot.XSize.Mock!.SetValue(xSize);
        oav.GridSnapshot.YSize.Mock!.SetValue(ySize);
        oav.ZoomController.Level.Mock!.SetValue(zoom);
        return oav;
    }

    [Fact]
    public void The_zoom_levels_file_gives_microns_per_pixel_keyed_as_python_floats()
    {
        var levels = OavConfigBase.ParseZoomLevels(File.ReadAllText(TestDataFiles.ZoomLevels));
        Assert.Equal(["1.0", "2.5", "5.0", "7.5", "10.0", "15.0"], levels.Keys);
        Assert.Equal((0.806, 0.806), levels["7.5"]);
    }

    [Fact]
    public void The_display_configuration_gives_the_crosshair_after_each_zoom_level()
    {
        var crosshairs = OavConfigBeamCentre.ParseDisplayConfiguration(File.ReadAllText(TestDataFiles.DisplayConfiguration));
        Assert.Equal(6, crosshairs.Count);
        Assert.Equal((477, 359), crosshairs["1.0"]);
        Assert.Equal((693, 339), crosshairs["15.0"]);
    }

    [Fact]
    public void A_zoom_level_without_crosshair_lines_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => OavConfigBeamCentre.ParseDisplayConfiguration("zoomLevel = 1.0\ncrosshairX = 477\n", "display.configuration"));
        Assert.Equal("display.configuration line 3: expected 'name = value' after a zoomLevel line.", error.Message);
    }

    [Fact]
    public async Task A_display_zoom_missing_from_the_zoom_levels_is_a_key_error()
    {
        var display = Path.GetTempFileName();
        await File.WriteAllTextAsync(display, "zoomLevel = 3.0\ncrosshairX = 1\ncrosshairY = 2\n");
        try
        {
            var config = new OavConfigBeamCentre(TestDataFiles.ZoomLevels, display);
            await Assert.ThrowsAsync<KeyNotFoundException>(() => config.GetParametersAsync());
        }
        finally
        {
            File.Delete(display);
        }
    }

    [Theory]
    [InlineData("1.0x", 2.87)]
    [InlineData("1.0", 2.87)]
    [InlineData("2.5", 2.31)]
    [InlineData("5.0x", 1.58)]
    [InlineData("7.5x", 0.806)]
    [InlineData("10.0x", 0.438)]
    [InlineData("15.0", 0.302)]
    public async Task Microns_per_pixel_follow_the_zoom_level(string zoom, double expected)
    {
        var oav = await MockOavAsync(zoom: zoom);
        Assert.Equal(expected, await oav.MicronsPerPixelX.GetValueAsync(), 9);
        Assert.Equal(expected, await oav.MicronsPerPixelY.GetValueAsync(), 9);
    }

    [Theory]
    [InlineData("1.0x", 477, 359)]
    [InlineData("5.0x", 517, 350)]
    [InlineData("10.0x", 613, 344)]
    public async Task The_beam_centre_is_the_crosshair_at_the_zoom_level(string zoom, int i, int j)
    {
        var oav = await MockOavAsync(zoom: zoom);
        Assert.Equal(i, await oav.BeamCentreI.GetValueAsync());
        Assert.Equal(j, await oav.BeamCentreJ.GetValueAsync());
    }

    [Fact]
    public async Task A_larger_image_scales_microns_and_beam_centre_from_the_1024_by_768_window()
    {
        var oav = await MockOavAsync(1292, 964);
        Assert.Equal(2.87 * 1024 / 1292, await oav.MicronsPerPixelX.GetValueAsync(), 9);
        Assert.Equal(2.27, await oav.MicronsPerPixelX.GetValueAsync(), 2);
        Assert.Equal(2.29, await oav.MicronsPerPixelY.GetValueAsync(), 2);
        Assert.Equal(601, await oav.BeamCentreI.GetValueAsync());
        Assert.Equal(450, await oav.BeamCentreJ.GetValueAsync());
        oav.ZoomController.Level.Mock!.SetValue("5.0x");
        Assert.Equal(1.58 * 1024 / 1292, await oav.MicronsPerPixelX.GetValueAsync(), 9);
    }

    [Fact]
    public async Task An_unknown_zoom_level_is_a_key_error()
    {
        var oav = await MockOavAsync(zoom: "3.0x");
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => oav.MicronsPerPixelX.GetValueAsync());
        Assert.Equal("oav: zoom level '3.0x' is not in the OAV configuration (known: 1.0, 2.5, 5.0, 7.5, 10.0, 15.0).", error.Message);
    }

    [Fact]
    public void The_signals_use_dodals_pvs()
    {
        var oav = new OavBeamCentreFile("BL03I-DI-OAV-01:", new OavConfigBeamCentre(TestDataFiles.ZoomLevels, TestDataFiles.DisplayConfiguration), "oav");
        static string Pv<T>(Hyperion.Devices.Signals.SignalR<T> signal) => ((PvSignalBackend<T>)signal.Backend).ReadPv;
        Assert.Equal("BL03I-EA-OAV-01:FZOOM:ZOOMPOSCMD", Pv(oav.ZoomController.Percentage));
        Assert.Equal("BL03I-EA-OAV-01:FZOOM:MP:SELECT", Pv(oav.ZoomController.Level));
        Assert.Equal("BL03I-DI-OAV-01:CAM:ColorMode", Pv(oav.Cam.ColorMode));
        Assert.Equal("BL03I-DI-OAV-01:CAM:AcquirePeriod", Pv(oav.Cam.AcquirePeriod));
        Assert.Equal("BL03I-DI-OAV-01:CAM:AcquireTime", Pv(oav.Cam.AcquireTime));
        Assert.Equal("BL03I-DI-OAV-01:CAM:Gain", Pv(oav.Cam.Gain));
        Assert.Equal("BL03I-DI-OAV-01:CAM:ArraySizeX_RBV", Pv(oav.Cam.ArraySizeX));
        Assert.Equal("BL03I-DI-OAV-01:CAM:ArraySizeY_RBV", Pv(oav.Cam.ArraySizeY));
        Assert.Equal("BL03I-DI-OAV-01:MJPG:JPG_URL_RBV", Pv(oav.GridSnapshot.Url));
        Assert.Equal("BL03I-DI-OAV-01:MJPG:MJPG_URL_RBV", Pv(oav.Snapshot.VideoUrl));
        Assert.Equal("BL03I-DI-OAV-01:MJPG:ArraySize1_RBV", Pv(oav.GridSnapshot.XSize));
        Assert.Equal("BL03I-DI-OAV-01:MJPG:ArraySize2_RBV", Pv(oav.Snapshot.YSize));
        Assert.Equal("oav-zoom_controller-level", oav.ZoomController.Level.Name);
    }

    [Fact]
    public async Task Reading_gives_calibration_directions_and_snapshot_fields()
    {
        var oav = await MockOavAsync();
        var reading = await oav.ReadAsync();
        foreach (var key in new[]
        {
            "oav-microns_per_pixel_x", "oav-microns_per_pixel_y", "oav-beam_centre_i", "oav-beam_centre_j",
            "oav-x_direction", "oav-y_direction", "oav-z_direction", "oav-grid_snapshot-top_left_x",
            "oav-grid_snapshot-num_boxes_y", "oav-grid_snapshot-last_path_full_overlay", "oav-snapshot-last_saved_path",
            "oav-snapshot-directory", "oav-snapshot-filename",
        })
        {
            Assert.Contains(key, reading.Keys);
        }

        Assert.DoesNotContain(reading.Keys, k => k.StartsWith("oav-zoom_controller", StringComparison.Ordinal) || k.StartsWith("oav-cam", StringComparison.Ordinal));
        Assert.Equal(-1, reading["oav-x_direction"].Value);
        Assert.Equal(1, reading["oav-z_direction"].Value);
        Assert.Equal(477, reading["oav-beam_centre_i"].Value);
    }

    [Fact]
    public async Task Setting_the_zoom_puts_the_level_and_waits()
    {
        var oav = await MockOavAsync();
        await oav.ZoomController.Set("7.5x");
        Assert.Equal([new MockPut<string>("7.5x", true)], oav.ZoomController.Level.Mock!.Puts);
    }

    [Fact]
    public async Task A_null_zoom_controller_only_accepts_one_times()
    {
        var zoom = new NullZoomController("zoom");
        await zoom.SetAsync("1.0x");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => zoom.SetAsync("5.0x"));
        Assert.Equal("Attempting to set zoom level of a null zoom controller", error.Message);
        Assert.Equal("1.0x", await zoom.Level.GetValueAsync());
    }

    [Fact]
    public async Task Microns_per_pixel_need_a_connected_oav()
    {
        var oav = new OavBeamCentreFile("BL03I-DI-OAV-01:", new OavConfigBeamCentre(TestDataFiles.ZoomLevels, TestDataFiles.DisplayConfiguration), "oav");
        var error = Assert.Throws<InvalidOperationException>(() => oav.Parameters);
        Assert.Contains("connect the device first", error.Message, StringComparison.Ordinal);
        await oav.ConnectAsync(new DeviceConnectOptions { Mock = true });
        Assert.Equal(new ZoomParamsCrosshair(0.302, 0.302, 693, 339), oav.Parameters["15.0"]);
    }
}
