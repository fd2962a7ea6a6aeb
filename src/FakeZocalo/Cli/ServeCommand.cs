using System.CommandLine;
using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Faults;
using Hyperion.FakeZocalo.Frames;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.RabbitMq;
using Microsoft.Extensions.Logging;

namespace Hyperion.FakeZocalo.Cli;

/// <summary>
/// <c>fakezocalo serve</c>: one FakeZocalo process on a RabbitMQ broker, reading ISPyB from a SQLite file. Start
/// several to share the per-image work.
/// </summary>
public static class ServeCommand
{
    /// <summary>Exit code when the broker or the ISPyB database cannot be reached, or an argument is bad.</summary>
    public const int StartFailed = 1;

    /// <summary>The broker used when neither <c>--rabbitmq</c> nor HYPERION_RABBITMQ_URI says otherwise.</summary>
    public const string DefaultBroker = "amqp://guest:guest@localhost:5672/";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var broker = new Option<string>("--rabbitmq") { Description = $"The broker (default HYPERION_RABBITMQ_URI, else {DefaultBroker})." };
        var ispyb = new Option<string>("--ispyb") { Description = "The ISPyB store, a SQLite file Hyperion's callbacks write (default HYPERION_ISPYB_DB, else ./ispyb.sqlite)." };
        var channel = new Option<string>("--channel") { Description = "Results go to exchange 'results' with routing key xrc.CHANNEL.", DefaultValueFactory = _ => "i03" };
        var roles = new Option<string>("--roles") { Description = "What this process does: any of dispatch, analyse, reduce (comma-separated).", DefaultValueFactory = _ => "dispatch,analyse,reduce" };
        var workers = new Option<int>("--workers") { Description = "Frames analysed at once by this process.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var frameTimeout = new Option<double>("--frame-timeout") { Description = "Seconds after a start message that a frame may take to be written.", DefaultValueFactory = _ => 300 };
        var threshold = new Option<double>("--threshold") { Description = "Keep voxels at or above this fraction of the maximum (3D).", DefaultValueFactory = _ => 0.25 };
        var cpu = new Option<bool>("--cpu") { Description = "Mark results \"gpu\": false (dodal's ZocaloResults filters on it)." };
        var faults = new Option<string[]>("--fault") { Description = "PREFIX=KIND[:VALUE] for collections whose file stem starts with PREFIX: no-reply, late-reply:S, duplicate, wrong-dcid, empty-results, extra-crystal[:BOXES]." };
        var connectTimeout = new Option<double>("--connect-timeout") { Description = "Seconds to keep trying to reach the broker at start.", DefaultValueFactory = _ => 60 };
        var noDodal = new Option<bool>("--no-dodal-faults") { Description = "Do not apply dodal's NO_DIFF (empty results) and MULTI_X (extra crystal) stem prefixes." };
        var command = new Command("serve", "Run FakeZocalo on a RabbitMQ broker: per-image spot finding and X-ray centring for Hyperion's triggers.")
        {
            broker, ispyb, channel, roles, workers, frameTimeout, threshold, cpu, faults, noDodal, connectTimeout,
        };
        command.SetAction((parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var set = new ZocaloFaults(!parse.GetValue(noDodal));
                foreach (var fault in parse.GetValue(faults) ?? [])
                {
                    set.Set(ZocaloFault.Parse(fault));
                }

                var roleNames = (parse.GetValue(roles) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var unknown = roleNames.Except(["dispatch", "analyse", "reduce"], StringComparer.Ordinal).ToArray();
                if (unknown.Length > 0 || roleNames.Length == 0)
                {
                    throw new FormatException($"--roles: '{string.Join(",", unknown)}' is not one of dispatch, analyse, reduce.");
                }

                var options = new ZocaloServiceOptions
                {
                    Topology = new ZocaloTopology { Channel = parse.GetValue(channel)! },
                    Dispatch = roleNames.Contains("dispatch"),
                    AnalyseImages = roleNames.Contains("analyse"),
                    Reduce = roleNames.Contains("reduce"),
                    ImageConcurrency = Math.Max(1, parse.GetValue(workers)),
                    FrameTimeout = TimeSpan.FromSeconds(parse.GetValue(frameTimeout)),
                    Centring = CentringOptions.Default with { Threshold = parse.GetValue(threshold) },
                    MarkResultsGpu = !parse.GetValue(cpu),
                };
                var uri = parse.GetValue(broker) ?? Environment.GetEnvironmentVariable("HYPERION_RABBITMQ_URI") ?? DefaultBroker;
                var database = parse.GetValue(ispyb) ?? Environment.GetEnvironmentVariable("HYPERION_ISPYB_DB") ?? "ispyb.sqlite";
                var brokerOptions = new RabbitMqOptions(new Uri(uri)) { ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(connectTimeout)) };
                return RunAsync(brokerOptions, database, options, set, parse.InvocationConfiguration.Output, error, ct);
            }
            catch (Exception bad) when (bad is FormatException or UriFormatException)
            {
                error.WriteLine(bad.Message);
                return Task.FromResult(StartFailed);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(RabbitMqOptions broker, string database, ZocaloServiceOptions options, ZocaloFaults faults, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var loggers = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff "));
        RabbitMqTransport transport;
        SqliteIspybStore store;
        try
        {
            store = await SqliteIspybStore.OpenFileAsync(database, ct: ct);
        }
        catch (IspybStoreException bad)
        {
            await error.WriteLineAsync(bad.Message);
            return StartFailed;
        }

        await using (store)
        {
            try
            {
                transport = await RabbitMqTransport.ConnectAsync(broker, logger: loggers.CreateLogger<RabbitMqTransport>(), cancellationToken: ct);
            }
            catch (TransportException unreachable)
            {
                await error.WriteLineAsync(unreachable.Message);
                return StartFailed;
            }

            await using (transport)
            {
                using var analyser = new DetectorFrameAnalyser(FrameReaderOptions.Default with { Timeout = options.FrameTimeout });
                await using var service = await FakeZocaloService.StartAsync(
                    transport, ZocaloServiceParts.Create(store, analyser, options), options, faults, TimeProvider.System, loggers, ct);
                await output.WriteLineAsync(
                    $"FakeZocalo on {transport.Description} (ISPyB {database}): {Roles(options)}; results on exchange results, key {options.Topology.ResultsQueue}. Ctrl+C to stop.");
                await output.FlushAsync(ct);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C: stop consuming; the broker keeps what was not finished for the next process.
                }
            }
        }

        return 0;
    }

    private static string Roles(ZocaloServiceOptions options) => string.Join(
        ", ",
        new[] { options.Dispatch ? "dispatching triggers" : null, options.AnalyseImages ? $"analysing {options.ImageConcurrency} frames at once" : null, options.Reduce ? "reducing to X-ray centres" : null }
            .Where(r => r is not null));
}
