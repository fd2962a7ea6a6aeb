using System.CommandLine;
using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;

namespace Hyperion.Cli.Ca;

/// <summary><c>hyperion ca put</c>: caput, printing the old and new values.</summary>
internal static class CaPutCommand
{
    public static Command Build()
    {
        var timeout = CaToolOptions.Timeout();
        var callback = new Option<bool>("-c") { Description = "Wait for the write to complete (put with callback)." };
        var terse = new Option<bool>("-t") { Description = "Terse: print only the new value." };
        var array = new Option<bool>("-a") { Description = "Write an array: the values after the PV name are its elements." };
        var name = new Argument<string>("pv") { Description = "The PV name." };
        var values = new Argument<string[]>("value") { Description = "The value (several with -a).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("put", "Write a PV (caput).") { timeout, callback, terse, array, name, values };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(name)!, parse.GetValue(values)!, parse.GetValue(timeout), parse.GetValue(callback), parse.GetValue(terse), parse.GetValue(array), ct));
        return command;
    }

    private static async Task<int> RunAsync(string pv, string[] values, double seconds, bool wait, bool terse, bool array, CancellationToken ct)
    {
        if (values.Length > 1 && !array)
        {
            await Console.Error.WriteLineAsync($"caput takes one value ({values.Length} given); use -a to write an array.").ConfigureAwait(false);
            return 2;
        }

        await using var client = CaConnections.NewClient();
        var timeout = TimeSpan.FromSeconds(seconds);
        var channels = await CaConnections.ConnectAsync(client, [pv], timeout, ct).ConfigureAwait(false);
        if (channels.Count == 0)
        {
            return 1;
        }

        var channel = channels[0];
        var refusals = new List<CaServerErrorEventArgs>();
        client.ServerError += (_, error) => refusals.Add(error);
        try
        {
            var old = await channel.GetAsync(DbrCategory.Plain, 0, ct).ConfigureAwait(false);
            // Text goes to the server as DBR_STRING, as caput sends it: the server parses numbers and enum labels.
            var written = DbrValue.Of(values);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (wait)
            {
                await channel.PutAsync(DbrType.String, written, wait: true, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                deadline.CancelAfter(timeout);
                await channel.PutAsync(DbrType.String, written, wait: false, deadline.Token).ConfigureAwait(false);
            }

            var now = await channel.GetAsync(DbrCategory.Plain, 0, ct).ConfigureAwait(false);

            // Unlike caput, a plain write the server refused fails the command: its ERROR came before the read-back.
            await client.FlushServerErrorsAsync(ct).ConfigureAwait(false);
            if (terse)
            {
                await Console.Out.WriteLineAsync(CaOutput.Values(now, channel.Metadata)).ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteLineAsync($"Old : {CaOutput.NameAndValue(channel.Name, CaOutput.Values(old, channel.Metadata))}").ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"New : {CaOutput.NameAndValue(channel.Name, CaOutput.Values(now, channel.Metadata))}").ConfigureAwait(false);
            }

            foreach (var refusal in refusals)
            {
                await Console.Error.WriteLineAsync($"{refusal.PvName,-30} *** {refusal.Status.Name}: {refusal.Message}").ConfigureAwait(false);
            }

            return refusals.Count == 0 ? 0 : 1;
        }
        catch (PvException ex)
        {
            await Console.Error.WriteLineAsync($"{channel.Name,-30} *** {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
