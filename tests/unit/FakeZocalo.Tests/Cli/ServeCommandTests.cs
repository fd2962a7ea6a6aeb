using System.CommandLine;
using Hyperion.FakeZocalo.Cli;
using Hyperion.FakeZocalo.Tests.Support;

namespace Hyperion.FakeZocalo.Tests.Cli;

public sealed class ServeCommandTests
{
    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = new StringWriter(), Error = error };
        var exit = await Program.Build().Parse(["serve", .. args]).InvokeAsync(configuration);
        return (exit, error.ToString());
    }

    [Theory]
    [InlineData("--roles", "dispatch,cook", "'cook' is not one of dispatch, analyse, reduce")]
    [InlineData("--fault", "x=explode", "unknown kind 'explode'")]
    [InlineData("--rabbitmq", "not a uri", "URI")]
    public async Task Bad_arguments_exit_one_saying_what_is_wrong(string option, string value, string expected)
    {
        using var directory = new TemporaryDirectory();
        var (exit, error) = await RunAsync(option, value, "--ispyb", Path.Combine(directory.Path, "ispyb.sqlite"));
        Assert.Equal(ServeCommand.StartFailed, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_broker_exits_one_naming_it_after_the_connect_timeout()
    {
        using var directory = new TemporaryDirectory();
        var (exit, error) = await RunAsync("--rabbitmq", "amqp://guest:guest@127.0.0.1:1/", "--connect-timeout", "0.5", "--ispyb", Path.Combine(directory.Path, "ispyb.sqlite"));
        Assert.Equal(ServeCommand.StartFailed, exit);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_ispyb_database_exits_one_naming_it()
    {
        using var directory = new TemporaryDirectory();
        var notADatabase = Path.Combine(directory.Path, "ispyb.sqlite");
        await File.WriteAllTextAsync(notADatabase, "this is not SQLite");
        var (exit, error) = await RunAsync("--ispyb", notADatabase, "--connect-timeout", "0.5");
        Assert.Equal(ServeCommand.StartFailed, exit);
        Assert.Contains(notADatabase, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_command_offers_serve_find_spots_and_xray_centre() =>
        Assert.Equal(["serve", "find-spots", "xray-centre"], Program.Build().Subcommands.Select(c => c.Name));
}
