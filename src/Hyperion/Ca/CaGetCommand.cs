using System.CommandLine;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;

namespace Hyperion.Cli.Ca;

/// <summary><c>hyperion ca get</c>: caget.</summary>
internal static class CaGetCommand
{
    public static Command Build()
    {
        var timeout = CaToolOptions.Timeout();
        var terse = new Option<bool>("-t") { Description = "Terse: print only the value." };
        var alarm = new Option<bool>("-a") { Description = "Wide: print the time stamp and alarm status and severity too." };
        var type = new Option<string?>("-d") { Description = "Read as this DBR type (e.g. DBR_CTRL_DOUBLE) and print every field." };
        var count = new Option<int>("-#") { Description = "Number of elements to read (0: the current length)." };
        var names = CaToolOptions.PvNames();
        var command = new Command("get", "Read PVs (caget).") { timeout, terse, alarm, type, count, names };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(names)!, parse.GetValue(timeout), parse.GetValue(terse), parse.GetValue(alarm), parse.GetValue(type), parse.GetValue(count), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] names, double seconds, bool terse, bool alarm, string? typeName, int count, CancellationToken ct)
    {
        DbrType? requested = null;
        if (typeName is not null)
        {
            try
            {
                requested = DbrTypes.Parse(typeName);
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        }

        await using var client = CaConnections.NewClient();
        var timeout = TimeSpan.FromSeconds(seconds);
        var channels = await CaConnections.ConnectAsync(client, names, timeout, ct).ConfigureAwait(false);
        var failed = names.Length - channels.Count;
        foreach (var channel in channels)
        {
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                deadline.CancelAfter(timeout);
                if (requested is { } dbrType)
                {
                    var typed = await channel.GetAsync(dbrType, count, deadline.Token).ConfigureAwait(false);
                    await Console.Out.WriteAsync(CaOutput.Dump(channel.Name, channel.Metadata!, dbrType, typed)).ConfigureAwait(false);
                    continue;
                }

                var value = await channel.GetAsync(DbrCategory.Time, count, deadline.Token).ConfigureAwait(false);
                var text = CaOutput.Values(value, channel.Metadata);
                var line = terse ? text
                    : alarm ? CaOutput.NameAndValue(channel.Name, $"{CaOutput.Timestamp(value.Timestamp)} {text} {CaOutput.StatusName(value.Status)} {CaOutput.SeverityName(value.Severity)}")
                    : CaOutput.NameAndValue(channel.Name, text);
                await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }
            catch (PvException ex)
            {
                failed++;
                await Console.Error.WriteLineAsync($"{channel.Name,-30} *** {ex.Message}").ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failed++;
                await Console.Error.WriteLineAsync($"{channel.Name,-30} *** no reply within {seconds} s").ConfigureAwait(false);
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
