using Hyperion.Devices.Core;

namespace Hyperion.Devices.Tests.Core;

public class DeviceNamingTests
{
    [Theory]
    [InlineData("UserReadback", "user_readback")]
    [InlineData("X", "x")]
    [InlineData("X1Start", "x1_start")]
    [InlineData("ZStepSize", "z_step_size")]
    [InlineData("OAVConfig", "oav_config")]
    [InlineData("PosOk", "pos_ok")]
    [InlineData("Omega", "omega")]
    public void Pascal_case_property_names_become_dodal_snake_case(string property, string expected) =>
        Assert.Equal(expected, DeviceNaming.ToSnakeCase(property));
}
