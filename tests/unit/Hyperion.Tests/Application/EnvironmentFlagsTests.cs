using System.CommandLine;
using Hyperion.Cli.Application;
using Hyperion.Cli.Sim;

namespace Hyperion.Cli.Tests.Application;

public sealed class EnvironmentFlagsTests
{
    private static EnvironmentOptions Read(params string[] args)
    {
        var flags = new EnvironmentFlags();
        var command = new RootCommand();
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        return flags.Read(command.Parse(args));
    }

    [Fact]
    public void The_defaults_are_the_embedded_twin()
    {
        var options = Read();

        Assert.True(options.Sim);
        Assert.Equal("s03", options.Beamline);
        Assert.Equal(PvTransport.InProcess, options.PvTransport);
        Assert.Null(options.ZocaloBroker);
        Assert.Equal(1.0, options.Speed);
        Assert.Null(options.IspybPath);
        Assert.Equal(TimeSpan.FromSeconds(180), options.ZocaloTimeout);
    }

    [Fact]
    public void Every_flag_reaches_its_option()
    {
        var options = Read(
            "--sim", "false", "--beamline", "i03", "--pv-transport", "ca", "--zocalo", "amqp://guest:guest@localhost:5672/zocalo", "--speed", "10",
            "--zocalo-timeout", "7.5", "--ispyb", "/tmp/i.sqlite", "--log-dir", "/tmp/logs", "--dev", "--verbose-event-logging", "--skip-startup-connection",
            "--otlp-endpoint", "http://localhost:4318/v1/traces");

        Assert.False(options.Sim);
        Assert.Equal("i03", options.Beamline);
        Assert.Equal(PvTransport.ChannelAccess, options.PvTransport);
        Assert.Equal(new Uri("amqp://guest:guest@localhost:5672/zocalo"), options.ZocaloBroker);
        Assert.Equal(10, options.Speed);
        Assert.Equal(TimeSpan.FromSeconds(7.5), options.ZocaloTimeout);
        Assert.Equal("/tmp/i.sqlite", options.IspybPath);
        Assert.Equal("/tmp/logs", options.LogDirectory);
        Assert.True(options.Dev && options.VerboseEventLogging && options.SkipStartupConnection);
        Assert.Equal(new Uri("http://localhost:4318/v1/traces"), options.OtlpEndpoint);
    }

    [Theory]
    [InlineData("--beamline", "i04", "--beamline")]
    [InlineData("--pv-transport", "pva", "--pv-transport")]
    [InlineData("--zocalo", "http://localhost", "--zocalo")]
    [InlineData("--speed", "0", "--speed")]
    [InlineData("--zocalo-timeout", "-1", "--zocalo-timeout")]
    [InlineData("--otlp-endpoint", "localhost:4318", "--otlp-endpoint")]
    public void A_bad_value_is_refused_naming_its_flag(string flag, string value, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => Read(flag, value));

        Assert.StartsWith(named + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_callbacks_publish_to_the_zocalo_broker_unless_a_callbacks_broker_is_given()
    {
        var onZocalo = Read("--external-callbacks", "--zocalo", "amqp://guest:guest@localhost:5672/zocalo");
        var onItsOwn = Read("--external-callbacks", "--zocalo", "amqp://guest:guest@localhost:5672/zocalo", "--callbacks-broker", "amqp://guest:guest@localhost:5672/documents");
        var inProcess = Read();

        Assert.True(onZocalo.ExternalCallbacks);
        Assert.Equal(new Uri("amqp://guest:guest@localhost:5672/zocalo"), onZocalo.ExternalCallbacksBroker());
        Assert.Equal(new Uri("amqp://guest:guest@localhost:5672/documents"), onItsOwn.ExternalCallbacksBroker());
        Assert.False(inProcess.ExternalCallbacks);
    }

    [Fact]
    public void External_callbacks_without_an_amqp_broker_are_refused_saying_which_flag_gives_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Read("--external-callbacks"));

        Assert.StartsWith("--external-callbacks: no broker", error.Message, StringComparison.Ordinal);
        Assert.Contains("--callbacks-broker amqp://", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EnvironmentOptions { ExternalCallbacks = true }.ExternalCallbacksBroker());
    }

    [Theory]
    [InlineData("--callbacks-broker", "amqp://localhost/", "only used with --external-callbacks")]
    [InlineData("--external-callbacks --callbacks-broker", "http://localhost/", "is not a amqp or amqps URL")]
    public void A_bad_callbacks_broker_is_refused_naming_the_flag(string flags, string value, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => Read([.. flags.Split(' '), value]));

        Assert.StartsWith("--callbacks-broker:", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
