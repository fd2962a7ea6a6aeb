using System.CommandLine;
using Hyperion.Cli.Callbacks.Broker;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.Cli.ExternalCallbacks;

/// <summary>
/// <c>hyperion callbacks --broker URI</c>: Hyperion's ISPyB, NeXus and Zocalo callbacks in their own process, fed the
/// documents <c>hyperion serve --external-callbacks</c> publishes (mx-bluesky's <c>hyperion-callbacks</c>). Runs until
/// Ctrl+C or SIGTERM, then finishes the document in hand, drains and exits 0; exit 2 when it cannot start.
/// </summary>
internal static class CallbacksCommand
{
    public static Command Build(TextWriter? output = null)
    {
        var broker = new Option<string>("--broker") { Description = "The broker Hyperion publishes documents to: amqp://user:password@host:5672/vhost.", Required = true };
        var ispyb = new Option<string?>("--ispyb") { Description = "The SQLite ISPyB file the callbacks write (default: <log dir>/ispyb.sqlite); give Hyperion the same file." };
        var zocalo = new Option<string?>("--zocalo") { Description = "Where Zocalo trigger messages go: amqp://user:password@host:5672/vhost (default: the --broker)." };
        var beamline = new Option<string>("--beamline", "-b") { Description = "The beamline whose configuration the NeXus callbacks read: s03 (default) or i03.", DefaultValueFactory = _ => "s03" };
        var logDir = new Option<string>("--log-dir") { Description = "Where hyperion-callbacks.log goes.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "hyperion-logs") };
        var dev = new Option<bool>("--dev") { Description = "Developer mode: DEBUG lines on the console too." };
        var command = new Command(
            "callbacks",
            $"Run Hyperion's ISPyB, NeXus and Zocalo callbacks in this process, consuming the documents `hyperion serve --external-callbacks` publishes to exchange {DocumentBus.Exchange}.")
        {
            broker, ispyb, zocalo, beamline, logDir, dev,
        };
        command.SetAction(async (parse, ct) =>
        {
            ExternalCallbacksOptions options;
            try
            {
                var logDirectory = parse.GetValue(logDir)!;
                options = new ExternalCallbacksOptions
                {
                    Broker = AmqpUri("--broker", parse.GetValue(broker)!),
                    IspybPath = parse.GetValue(ispyb) ?? Path.Combine(logDirectory, "ispyb.sqlite"),
                    ZocaloBroker = parse.GetValue(zocalo) is { } z ? AmqpUri("--zocalo", z) : null,
                    Beamline = Beamline(parse.GetValue(beamline)!),
                    LogDirectory = logDirectory,
                    Dev = parse.GetValue(dev),
                };
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"hyperion callbacks: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(options, output ?? Console.Out, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(ExternalCallbacksOptions options, TextWriter output, CancellationToken ct)
    {
        ExternalCallbacksHost host;
        try
        {
            host = await ExternalCallbacksHost.StartAsync(options, output, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or TransportException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"hyperion callbacks: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("hyperion callbacks: stopped before it was ready.").ConfigureAwait(false);
            return 2;
        }

        await using (host.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: finish the document in hand, drain the callbacks and exit.
            }
        }

        return 0;
    }

    private static string Beamline(string name) =>
        name is "s03" or "i03" ? name : throw new ArgumentException($"--beamline: '{name}' is not i03 or s03.");

    private static Uri AmqpUri(string flag, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new ArgumentException($"{flag}: '{text}' is not an amqp or amqps URL (amqp://user:password@host:5672/vhost).");
}
