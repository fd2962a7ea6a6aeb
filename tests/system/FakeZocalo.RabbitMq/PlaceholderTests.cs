namespace Hyperion.FakeZocalo.RabbitMq.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Rabbitmqctl_is_installed() => Assert.True(File.Exists("/usr/sbin/rabbitmqctl"));
}
