using System.CommandLine;
using Hyperion.FakeZocalo.Cli;

namespace Hyperion.FakeZocalo;

/// <summary>The <c>fakezocalo</c> command's entry point.</summary>
public static class Program
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("FakeZocalo: a Zocalo-compatible processing service for Hyperion — per-image spot finding identical to DIALS, DLS's X-ray centring, on RabbitMQ.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(FindSpotsCommand.Create());
        root.Subcommands.Add(XrayCentreCommand.Create());
        return root;
    }

    /// <summary>Runs the command line and returns its exit code.</summary>
    public static Task<int> Main(string[] args) => Build().Parse(args).InvokeAsync();
}
