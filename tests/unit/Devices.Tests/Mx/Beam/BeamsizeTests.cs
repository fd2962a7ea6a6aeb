using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Tests.Mx.Aperture;

namespace Hyperion.Devices.Tests.Mx.Beam;

public class BeamsizeTests
{
    [Theory]
    [InlineData(ApertureValue.Small, 20.0, 20.0)]
    [InlineData(ApertureValue.Medium, 50.0, 20.0)]
    [InlineData(ApertureValue.Large, 80.0, 20.0)]
    [InlineData(ApertureValue.OutOfBeam, 80.0, 20.0)]
    public async Task The_beam_is_the_focused_80_by_20_micron_beam_cut_by_the_aperture(ApertureValue aperture, double xUm, double yUm)
    {
        var (apertureScatterguard, _) = await ApertureScatterguardTests.MockApSgAsync(aperture);
        var beamsize = new Beamsize(apertureScatterguard, "beamsize");

        var reading = await beamsize.ReadAsync();

        Assert.Equal(xUm, reading["beamsize-x_um"].Value);
        Assert.Equal(yUm, reading["beamsize-y_um"].Value);
        Assert.DoesNotContain(beamsize.Children, c => ReferenceEquals(c.Value, apertureScatterguard));
    }
}
