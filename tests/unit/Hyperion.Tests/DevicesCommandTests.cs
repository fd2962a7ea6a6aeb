using System.Text.Json;

namespace Hyperion.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public class DevicesCommandTests
{
    private static Dictionary<string, (string? Read, string? Write)> Pvs(string json)
    {
        using var document = JsonDocument.Parse(json);
        var pvs = new Dictionary<string, (string?, string?)>();
        foreach (var device in document.RootElement.GetProperty("devices").EnumerateArray())
        {
            foreach (var signal in device.GetProperty("signals").EnumerateArray())
            {
                pvs[signal.GetProperty("name").GetString()!] = (signal.GetProperty("read_pv").GetString(), signal.GetProperty("write_pv").GetString());
            }
        }

        return pvs;
    }

    [Fact]
    public async Task The_i03_listing_has_dodals_pv_names()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("devices", "--beamline", "i03", "--json");
        Assert.Equal(0, code);
        var pvs = Pvs(output);
        Assert.Equal(("BL03I-MO-SGON-01:X.RBV", null), pvs["smargon-x"]);
        Assert.Equal(("BL03I-MO-SGON-01:OMEGA.VAL", "BL03I-MO-SGON-01:OMEGA.VAL"), pvs["smargon-omega-user_setpoint"]);
        Assert.Equal(("BL03I-MO-SGON-01:FGS:X_NUM_STEPS_RBV", "BL03I-MO-SGON-01:FGS:X_NUM_STEPS"), pvs["zebra_fast_grid_scan-x_steps"]);
        Assert.Equal(("BL03I-MO-SGON-01:FGS:Y_START_RBV", "BL03I-MO-SGON-01:FGS:Y_START"), pvs["zebra_fast_grid_scan-y1_start"]);
        Assert.Equal("BL03I-EA-EIGER-01:CAM:AcquireTime", pvs["eiger-cam-acquire_time"].Write);
        Assert.Equal("SR03I-MO-SERVC-01:BLGAPMTR.RBV", pvs["undulator-gap_motor"].Read);
        Assert.Equal("BL03I-DI-OAV-01:MJPG:ArraySize1_RBV", pvs["oav-snapshot-x_size"].Read);
        Assert.Equal("SR-DI-DCCT-01:SIGNAL", pvs["synchrotron-current"].Read);
        Assert.Contains(pvs, p => p.Value.Read == "BL03I-MO-ROBOT-01:PROGRAM_RUNNING");
    }

    [Fact]
    public async Task On_s03_the_prefixes_change_and_skipped_devices_are_absent()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("devices", "-b", "s03", "--json");
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("BL03S", document.RootElement.GetProperty("prefix").GetString());
        var devices = document.RootElement.GetProperty("devices").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("absent").GetBoolean());
        Assert.True(devices["eiger"]);
        Assert.False(devices["smargon"]);
        Assert.Equal(("BL03S-MO-SGON-01:X.RBV", null), Pvs(output)["smargon-x"]);
        Assert.Equal("SR03S-MO-SERVC-01:BLGAPMTR.RBV", Pvs(output)["undulator-gap_motor"].Read);
    }

    [Fact]
    public async Task The_table_lists_one_device_with_access_type_and_pvs()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("devices", "-b", "i03", "-d", "baton");
        Assert.Equal(0, code);
        Assert.StartsWith("baton (Baton), 3 signals", output, StringComparison.Ordinal);
        Assert.Matches(@"baton-requested_user\s+RW\s+string\s+BL03I-CS-BATON-01:REQUESTED_USER", output);
    }

    [Fact]
    public async Task An_unknown_beamline_or_device_is_refused_with_what_there_is()
    {
        var (code, _, error) = await ConsoleCapture.RunHyperionAsync("devices", "-b", "i04");
        Assert.Equal(2, code);
        Assert.Contains("'i04' is not i03 or s03", error, StringComparison.Ordinal);
        (code, _, error) = await ConsoleCapture.RunHyperionAsync("devices", "-b", "i03", "-d", "goniometer");
        Assert.Equal(2, code);
        Assert.Contains("i03 has no device goniometer. Its devices: aperture_scatterguard", error, StringComparison.Ordinal);
    }
}
