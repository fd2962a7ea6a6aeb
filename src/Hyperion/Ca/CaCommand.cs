using System.CommandLine;

namespace Hyperion.Cli.Ca;

/// <summary><c>hyperion ca</c>: the Channel Access tools (get, put, monitor, info) and a soft IOC (serve).</summary>
internal static class CaCommand
{
    public static Command Build()
    {
        var command = new Command("ca", "EPICS Channel Access tools: get, put, monitor, info (like caget/caput/camonitor/cainfo) and serve --db (a soft IOC).");
        command.Subcommands.Add(CaGetCommand.Build());
        command.Subcommands.Add(CaPutCommand.Build());
        command.Subcommands.Add(CaMonitorCommand.Build());
        command.Subcommands.Add(CaInfoCommand.Build());
        command.Subcommands.Add(CaServeCommand.Build());
        return command;
    }
}
