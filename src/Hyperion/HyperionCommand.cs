using System.CommandLine;
using Hyperion.Engine.Running;

namespace Hyperion.Cli;

/// <summary>Builds the <c>hyperion</c> command line.</summary>
public static class HyperionCommand
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Hyperion digital twin: a bluesky-compatible RunEngine, devices and plans for unattended MX data collection.");
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(PlansCommand.Build());
        root.Subcommands.Add(CommandsCommand());
        root.Subcommands.Add(Ca.CaCommand.Build());
        root.Subcommands.Add(Devices.DevicesCommand.Build());
        root.Subcommands.Add(Sim.SimCommand.Build());
        root.Subcommands.Add(Serve.ServeCommand.Build());
        root.Subcommands.Add(Run.RunCommand.Build());
        root.Subcommands.Add(ExternalCallbacks.CallbacksCommand.Build());
        return root;
    }

    private static Command CommandsCommand()
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show each command's full description." };
        var command = new Command("commands", "List the RunEngine's registered message commands.") { verbose };
        command.SetAction(parse =>
        {
            using var engine = new RunEngine();
            Console.Out.Write(engine.PrintCommandRegistry(parse.GetValue(verbose)));
            return 0;
        });
        return command;
    }
}
