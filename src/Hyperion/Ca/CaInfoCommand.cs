using System.CommandLine;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.Cli.Ca;

/// <summary><c>hyperion ca info</c>: cainfo.</summary>
internal static class CaInfoCommand
{
    public static Command Build()
    {
        var timeout = CaToolOptions.Timeout();
        var names = CaToolOptions.PvNames();
        var command = new Command("info", "Describe PVs: connection, server, access, type and count (cainfo).") { timeout, names };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(names)!, parse.GetValue(timeout), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] names, double seconds, CancellationToken ct)
    {
        await using var client = CaConnections.NewClient();
        var channels = await CaConnections.ConnectAsync(client, names, TimeSpan.FromSeconds(seconds), ct).ConfigureAwait(false);
        foreach (var channel in channels)
        {
            var meta = channel.Metadata!;
            var access = (meta.Rights.HasFlag(AccessRights.Read) ? "read" : "no read") + ", " + (meta.Rights.HasFlag(AccessRights.Write) ? "write" : "no write");
            await Console.Out.WriteLineAsync($"""
                {channel.Name}
                    State:            connected
                    Host:             {channel.Server}
                    Access:           {access}
                    Native data type: {DbrTypes.CName(meta.NativeType).Replace("DBR_", "DBF_", StringComparison.Ordinal)}
                    Request type:     {DbrTypes.CName(meta.NativeType)}
                    Element count:    {meta.ElementCount}
                """).ConfigureAwait(false);
        }

        return channels.Count == names.Length ? 0 : 1;
    }
}
