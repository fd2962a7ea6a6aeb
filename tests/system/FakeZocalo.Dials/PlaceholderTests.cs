namespace Hyperion.FakeZocalo.Dials.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Dials_find_spots_is_installed() => Assert.True(File.Exists("/usr/bin/dials.find_spots"));
}
