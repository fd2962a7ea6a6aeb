using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Sample;

public class CryoStreamTests
{
    private static string Read<T>(SignalBase<T> s) => ((PvSignalBackend<T>)s.Backend).ReadPv;

    [Fact]
    public void The_old_cryostream_keeps_dodals_course_spelling_and_pvs()
    {
        var cryo = new CryoStream("BL03I", "cryo_stream");
        Assert.Equal("cryo_stream-course", cryo.Course.Name);
        Assert.Equal("cryo_stream-temperature_k", cryo.TemperatureK.Name);
        Assert.Equal("cryo_stream-back_pressure_bar", cryo.BackPressureBar.Name);
        Assert.Equal("BL03I-EA-CJET-01:COARSE:CTRL", Read(cryo.Course));
        Assert.Equal("BL03I-EA-CJET-01:FINE:CTRL", Read(cryo.Fine));
        Assert.Equal("BL03I-EA-CSTRM-01:TEMP", Read(cryo.TemperatureK));
        Assert.Equal("BL03I-EA-CSTRM-01:BACKPRESS", Read(cryo.BackPressureBar));
        Assert.Equal(110, CryoStream.MaxTempK);
        Assert.Equal(0.1, CryoStream.MaxPressureBar);
    }

    [Fact]
    public async Task The_cryojet_moves_in_and_out_by_label()
    {
        var cryo = new CryoStream("BL03I", "cryo_stream");
        await cryo.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await cryo.Course.SetAsync(InOut.Out);
        await cryo.Fine.SetAsync(InOut.In);
        Assert.Equal([new MockPut<InOut>(InOut.Out, true)], cryo.Course.Mock!.Puts);
        Assert.Equal(["In", "Out"], SignalDatatype<InOut>.Choices);
        Assert.Empty(await cryo.ReadAsync());
    }

    [Fact]
    public async Task The_oxford_cryostream_reads_status_and_configures_identity()
    {
        var cryo = new OxfordCryoStream("BL03I-EA-CSTRM-01:", "cryostream");
        Assert.Equal("BL03I-EA-CSTRM-01:TEMP", Read(cryo.Temp));
        Assert.Equal("BL03I-EA-CSTRM-01:BACKPRESS", Read(cryo.BackPressure));
        Assert.Equal("BL03I-EA-CSTRM-01:STATUS.SEVR", Read(cryo.Status));
        Assert.Equal("BL03I-EA-CSTRM-01:STOP.PROC", ((PvSignalBackend<int>)cryo.Stop.Backend).WritePv);
        Assert.Equal("BL03I-EA-CSTRM-01:RESTART.PROC", ((PvSignalBackend<int>)cryo.Start.Backend).WritePv);
        await cryo.ConnectAsync(new DeviceConnectOptions { Mock = true });
        cryo.Temp.Mock!.SetValue(100.5);
        var reading = await cryo.ReadAsync();
        Assert.Equal(100.5, reading["cryostream-temp"].Value);
        Assert.Equal(20, reading.Count);
        Assert.DoesNotContain("cryostream-stop", reading.Keys);
        var configuration = await cryo.ReadConfigurationAsync();
        Assert.Equal(
            ["cryostream-controller_number", "cryostream-evap_adjust", "cryostream-pump_uptime", "cryostream-series", "cryostream-software_version", "cryostream-status", "cryostream-turbo", "cryostream-turbo_mode"],
            configuration.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cryojet_and_gantry_have_dodals_pvs()
    {
        var jet = new OxfordCryoJet("BL03I-EA-CJET-01:", "cryojet");
        Assert.Equal("BL03I-EA-CJET-01:COARSE:CTRL", Read(jet.Coarse));
        Assert.Equal("BL03I-EA-CJET-01:FINE:CTRL", Read(jet.Fine));
        var gantry = new CryoStreamGantry("BL03I", "cryostream_gantry");
        Assert.Equal("BL03I-EA-GANT-01:CTRL", Read(gantry.CryostreamSelector));
        Assert.Equal("BL03I-MO-STEP-02:GPIO_INP_BITS.B2", Read(gantry.Hc1Selected));
        Assert.Equal("BL03I-MO-STEP-02:GPIO_INP_BITS.B3", Read(gantry.CryostreamSelected));
        Assert.Equal(["CryoJet", "HC1"], SignalDatatype<CryoStreamSelection>.Choices);
        Assert.Equal(["Off", "On", "Auto"], SignalDatatype<TurboEnum>.Choices);
    }
}
