using System.CommandLine;
using System.Net;
using Hyperion.ChannelAccess.Server;
using Hyperion.SimBeamline;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Oav;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.Cli.Sim;

/// <summary><c>hyperion sim</c>: serves the twin's PVs over Channel Access, or prints its database.</summary>
internal static class SimCommand
{
    public static Command Build()
    {
        var beamline = new Option<string>("--beamline", "-b") { Description = "PV names of s03 (BL03S-, the default) or i03 (BL03I-).", DefaultValueFactory = _ => "s03" };
        var port = new Option<int?>("--port") { Description = "Server port (default EPICS_CA_SERVER_PORT or 5064; 0 picks a free one)." };
        var interfaces = new Option<string[]>("--interface") { Description = "Addresses to listen on (default EPICS_CAS_INTF_ADDR_LIST, else loopback)." };
        var dump = new Option<bool>("--dump-db") { Description = "Print the twin's EPICS database and exit." };
        var sampleFile = new Option<FileInfo?>("--sample") { Description = "A sample file (JSON): pin, loop and crystal (default: thaumatin). --print-sample shows the format." };
        var faults = new Option<FileInfo?>("--faults") { Description = "A fault file (JSON list of {at_s, fault, ...}) to run on the twin's clock." };
        var printSample = new Option<bool>("--print-sample") { Description = "Print the default sample as JSON and exit." };
        var mjpgPort = new Option<int>("--mjpg-port") { Description = "Port of the OAV's MJPG server (0, the default, picks a free one; its URLs are in MJPG:JPG_URL_RBV and MJPG:MJPG_URL_RBV).", DefaultValueFactory = _ => 0 };
        var speed = new Option<double>("--speed") { Description = "Run the twin's clock this many times faster than real time (motion, scans, timers).", DefaultValueFactory = _ => 1.0 };
        var command = new Command("sim", "Run the simulated beamline (the twin), serving every PV the i03 devices use over Channel Access.") { beamline, port, interfaces, mjpgPort, dump, speed, sampleFile, printSample, faults };
        command.SetAction((parse, ct) => parse.GetValue(printSample)
            ? PrintSample()
            : RunAsync(parse.GetValue(beamline)!, parse.GetValue(port), parse.GetValue(interfaces), parse.GetValue(mjpgPort), parse.GetValue(dump), parse.GetValue(speed), parse.GetValue(sampleFile), parse.GetValue(faults), ct));
        return command;
    }

    private static async Task<int> PrintSample()
    {
        await Console.Out.WriteLineAsync(SampleDefinition.Thaumatin.ToJson()).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RunAsync(string beamline, int? port, string[]? interfaces, int mjpgPort, bool dump, double speed, FileInfo? sampleFile, FileInfo? faultFile, CancellationToken ct)
    {
        SimulatedBeamline twin;
        IReadOnlyList<FaultDefinition> schedule;
        try
        {
            schedule = faultFile is null ? [] : FaultInjector.Parse(await File.ReadAllTextAsync(faultFile.FullName, ct).ConfigureAwait(false), faultFile.FullName);
            var sample = sampleFile is null ? null : SampleDefinition.Load(sampleFile.FullName);
            twin = SimulatedBeamline.Create(beamline, speed == 1.0 ? TimeProvider.System : new ScaledTimeProvider(speed), sample: sample);
        }
        catch (Exception ex) when (ex is ArgumentException or SampleException or FaultException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        await using (twin.ConfigureAwait(false))
        {
            if (dump)
            {
                await Console.Out.WriteAsync(twin.DbText).ConfigureAwait(false);
                return 0;
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

            await using var server = new CaServer(twin.Provider, options);
            await server.StartAsync(ct).ConfigureAwait(false);
            await using var mjpg = await OavMjpgServer.StartAsync(twin.Oav, twin.Records, mjpgPort, options.InterfaceAddresses.Count > 0 ? options.InterfaceAddresses[0] : null, cancellationToken: ct).ConfigureAwait(false);
            var addresses = string.Join(", ", options.InterfaceAddresses.Select(a => $"{a}:{server.TcpPort}"));
            await Console.Out.WriteLineAsync($"Twin of {twin.Definition.Prefixes.Name} at {speed:0.###}× real time serving {twin.Records.Records.Count} records on {addresses} (UDP search port {server.UdpPort}), the OAV at {mjpg.StreamUrl}; Ctrl+C to stop.").ConfigureAwait(false);
            await Console.Out.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.WhenAll(twin.Faults.RunScheduleAsync(schedule, ct), Task.Delay(Timeout.InfiniteTimeSpan, ct)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: stop serving.
            }
        }

        return 0;
    }
}
