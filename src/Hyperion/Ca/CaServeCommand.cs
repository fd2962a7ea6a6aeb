using System.CommandLine;
using System.Net;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.DbFile;

namespace Hyperion.Cli.Ca;

/// <summary><c>hyperion ca serve --db FILE</c>: a soft IOC serving the records of EPICS .db files over Channel Access.</summary>
internal static class CaServeCommand
{
    public static Command Build()
    {
        var db = new Option<FileInfo[]>("--db") { Description = "EPICS database (.db) files to load.", Required = true, AllowMultipleArgumentsPerToken = true };
        var macros = new Option<string?>("-m", "--macros") { Description = "Macro definitions for the files, e.g. P=BL03S-,R=MO:" };
        var port = new Option<int?>("--port") { Description = "Server port (default EPICS_CA_SERVER_PORT or 5064; 0 picks a free one)." };
        var interfaces = new Option<string[]>("--interface") { Description = "Addresses to listen on (default EPICS_CAS_INTF_ADDR_LIST, else loopback)." };
        var command = new Command("serve", "Serve the records of EPICS .db files over Channel Access (a soft IOC).") { db, macros, port, interfaces };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db)!, parse.GetValue(macros), parse.GetValue(port), parse.GetValue(interfaces), ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, string? macroText, int? port, string[]? interfaces, CancellationToken ct)
    {
        using var database = new RecordDatabase(TimeProvider.System);
        try
        {
            var macros = string.IsNullOrWhiteSpace(macroText) ? null : MacroTable.Parse(macroText);
            foreach (var file in files)
            {
                database.LoadFile(file.FullName, macros);
            }

            database.Start();
        }
        catch (Exception ex) when (ex is DbParseException or MacroException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        foreach (var link in database.UnresolvedLinks)
        {
            await Console.Error.WriteLineAsync($"warning: link to {link} does not resolve to a record in these files").ConfigureAwait(false);
        }

        var options = CaServerOptions.FromEnvironment();
        if (port is { } p)
        {
            options = options with { ServerPort = p };
        }

        if (interfaces is { Length: > 0 })
        {
            options = options with { InterfaceAddresses = [.. interfaces.Select(IPAddress.Parse)] };
        }

        await using var server = new CaServer(database, options);
        await server.StartAsync(ct).ConfigureAwait(false);
        var addresses = string.Join(", ", options.InterfaceAddresses.Select(a => $"{a}:{server.TcpPort}"));
        await Console.Out.WriteLineAsync($"Serving {database.Records.Count} records on {addresses} (UDP search port {server.UdpPort}); Ctrl+C to stop.").ConfigureAwait(false);
        await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: stop serving.
        }

        return 0;
    }
}
