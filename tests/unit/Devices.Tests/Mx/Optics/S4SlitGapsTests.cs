using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Optics;

namespace Hyperion.Devices.Tests.Mx.Optics;

public class S4SlitGapsTests
{
    [Fact]
    public async Task The_gaps_are_motors_on_dodals_pvs_read_under_their_names()
    {
        var slits = new S4SlitGaps("BL03I-AL-SLITS-04:", "s4_slit_gaps");
        Assert.Equal("BL03I-AL-SLITS-04:XGAP.VAL", ((PvSignalBackend<double>)slits.Xgap.UserSetpoint.Backend).ReadPv);
        Assert.Equal("BL03I-AL-SLITS-04:YGAP.RBV", ((PvSignalBackend<double>)slits.Ygap.UserReadback.Backend).ReadPv);
        await slits.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await slits.Xgap.MoveToAsync(0.5);
        var reading = await slits.ReadAsync();
        Assert.Equal(["s4_slit_gaps-xgap", "s4_slit_gaps-ygap"], reading.Keys);
        Assert.Equal(0.5, reading["s4_slit_gaps-xgap"].Value);
        Assert.Equal(["s4_slit_gaps-xgap", "s4_slit_gaps-ygap"], slits.Hints.Fields);
    }
}
