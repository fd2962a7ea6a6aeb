using System.CommandLine;
using System.Threading.Channels;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.Cli.Ca;

/// <summary><c>hyperion ca monitor</c>: camonitor, one line per update until Ctrl+C (or -n updates).</summary>
internal static class CaMonitorCommand
{
    public static Command Build()
    {
        var timeout = CaToolOptions.Timeout();
        var mask = new Option<string>("-m") { Description = "Events to monitor: any of v (value), l (log), a (alarm), p (property).", DefaultValueFactory = _ => "va" };
        var updates = new Option<int>("-n") { Description = "Stop after this many updates in all (0: run until Ctrl+C)." };
        var names = CaToolOptions.PvNames();
        var command = new Command("monitor", "Monitor PVs (camonitor).") { timeout, mask, updates, names };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(names)!, parse.GetValue(timeout), parse.GetValue(mask)!, parse.GetValue(updates), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] names, double seconds, string maskText, int maxUpdates, CancellationToken ct)
    {
        var mask = EventMask.None;
        foreach (var c in maskText)
        {
            mask |= c switch
            {
                'v' => EventMask.Value,
                'l' => EventMask.Log,
                'a' => EventMask.Alarm,
                'p' => EventMask.Property,
                _ => EventMask.None,
            };
        }

        if (mask == EventMask.None || maskText.Any(c => "vlap".IndexOf(c, StringComparison.Ordinal) < 0))
        {
            await Console.Error.WriteLineAsync($"-m '{maskText}' is not a mask: use letters v, l, a and p.").ConfigureAwait(false);
            return 2;
        }

        await using var client = CaConnections.NewClient();
        var channels = await CaConnections.ConnectAsync(client, names, TimeSpan.FromSeconds(seconds), ct).ConfigureAwait(false);
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var subscriptions = channels.Select(channel => channel.Subscribe(
            value => lines.Writer.TryWrite(CaOutput.NameAndValue(channel.Name, $"{CaOutput.Timestamp(value.Timestamp)} {CaOutput.Values(value, channel.Metadata)}{CaOutput.Alarm(value)}")),
            mask,
            DbrCategory.Time)).ToList();
        var printed = 0;
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
                await Console.Out.FlushAsync(ct).ConfigureAwait(false);
                if (maxUpdates > 0 && ++printed >= maxUpdates)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C ends camonitor normally.
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
            }
        }

        return channels.Count == names.Length ? 0 : 1;
    }
}
