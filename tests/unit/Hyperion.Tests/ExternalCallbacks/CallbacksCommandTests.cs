namespace Hyperion.Cli.Tests.ExternalCallbacks;

/// <summary><c>hyperion callbacks</c>'s flags, run through the command line in-process.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CallbacksCommandTests
{
    [Fact]
    public async Task Callbacks_without_a_broker_is_refused_naming_the_flag()
    {
        var (code, _, error) = await ConsoleCapture.RunHyperionAsync("callbacks", "--ispyb", "/tmp/ispyb.sqlite");

        Assert.NotEqual(0, code);
        Assert.Contains("--broker", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--broker", "http://localhost:15672/", "--broker: 'http://localhost:15672/' is not an amqp or amqps URL")]
    [InlineData("--broker", "localhost", "--broker: 'localhost' is not an amqp or amqps URL")]
    [InlineData("--zocalo", "memory", "--zocalo: 'memory' is not an amqp or amqps URL")]
    [InlineData("--beamline", "i04", "--beamline: 'i04' is not i03 or s03")]
    public async Task Callbacks_refuses_a_bad_flag_before_connecting_naming_the_flag_and_value(string flag, string value, string message)
    {
        string[] args = flag == "--broker" ? ["callbacks", flag, value] : ["callbacks", "--broker", "amqp://guest:guest@localhost:5672/", flag, value];

        var (code, output, error) = await ConsoleCapture.RunHyperionAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith($"hyperion callbacks: {message}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ready", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callbacks_help_lists_its_flags()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("callbacks", "--help");

        Assert.Equal(0, code);
        foreach (var flag in new[] { "--broker", "--ispyb", "--zocalo", "--beamline", "--log-dir" })
        {
            Assert.Contains(flag, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_help_lists_the_external_callbacks_flags()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("serve", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--external-callbacks", output, StringComparison.Ordinal);
        Assert.Contains("--callbacks-broker", output, StringComparison.Ordinal);
    }

}
