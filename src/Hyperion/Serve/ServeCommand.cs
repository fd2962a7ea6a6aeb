using System.CommandLine;
using Hyperion.Cli.Application;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Runner;
using Hyperion.Cli.Sim;
using Hyperion.FakeZocalo.Transport;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.Cli.Serve;

/// <summary><c>hyperion serve</c>: Hyperion's REST runner on the twin (default) or on real PVs.</summary>
internal static class ServeCommand
{
    public static Command Build(TextWriter? output = null)
    {
        var flags = new EnvironmentFlags();
        var port = new Option<int>("--port") { Description = "The REST API's port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => RunnerHost.DefaultPort };
        var command = new Command("serve", "Start Hyperion's REST runner: PUT /{plan}/start, PUT /stop, GET /status, GET /plans, GET /devices.") { port };
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(flags, parse, parse.GetValue(port), output ?? Console.Out, ct));
        return command;
    }

    private static async Task<int> RunAsync(EnvironmentFlags flags, ParseResult parse, int port, TextWriter output, CancellationToken ct)
    {
        HyperionApplication application;
        try
        {
            application = await HyperionApplication.StartAsync(flags.Read(parse), output, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or DeviceConnectionFailedException or SampleException or TransportException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"hyperion serve: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (application.ConfigureAwait(false))
        {
            RunnerHost host;
            try
            {
                host = await RunnerHost.StartAsync(application.Runner, application.DeviceList, application.DebugLog, application.Loggers, port, cancellationToken: ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"hyperion serve: cannot listen on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await using (host.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"Hyperion ready on {host.Address.ToString().TrimEnd('/')} ({application.Environment.Description}{(application.Options.ExternalCallbacks ? "; callbacks " + application.Callbacks.Description : string.Empty)}); Ctrl+C to stop.").ConfigureAwait(false);
                await output.FlushAsync(ct).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C or SIGTERM: abort any plan (its clean-up runs) and stop serving.
                }
            }
        }

        return 0;
    }
}
