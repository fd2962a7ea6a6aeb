namespace Hyperion.FakeZocalo.Tests;

public sealed class SkeletonTests
{
    [Fact]
    public void Program_with_no_arguments_exits_zero() => Assert.Equal(0, Program.Main([]));
}
