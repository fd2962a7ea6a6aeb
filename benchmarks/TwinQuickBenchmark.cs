using System.Diagnostics;
using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Server;
using Hyperion.SimBeamline;

namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode twin workloads: from nothing to the twin serving PVs (build the database from the device
/// definitions, start the records and the CA server, first get answered), and PV updates sustained to a monitor.
/// </summary>
public static class TwinQuickBenchmark
{
    /// <summary>Runs the twin workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        await QuickBenchmark.Report(output, "twin_start_to_first_get", "starts", 1, async () =>
        {
            await using var twin = SimulatedBeamline.Create("s03");
            await using var server = new CaServer(twin.Provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
            await server.StartAsync();
            await using var client = new CaClient(Options(server));
            var channel = client.Channel("BL03S-MO-SGON-01:X.RBV");
            await channel.WaitForConnectionAsync(TimeSpan.FromSeconds(10));
            await channel.GetAsync(DbrCategory.Time);
        });

        var updates = (int)(100_000 * scale);
        await using var shared = SimulatedBeamline.Create("s03");
        await using var host = new CaServer(shared.Provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await host.StartAsync();
        var pv = shared.Records.Find("BL03S-MO-SGON-01:FGS:X_NUM_STEPS")!;
        var writer = new ClientIdentity("bench", "localhost", null);
        await QuickBenchmark.Report(output, "twin_pv_updates_to_a_ca_monitor", "updates delivered", async () =>
        {
            await using var client = new CaClient(Options(host));
            var channel = client.Channel("BL03S-MO-SGON-01:FGS:X_NUM_STEPS");
            await channel.WaitForConnectionAsync(TimeSpan.FromSeconds(10));
            var delivered = 0;
            var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var final = updates;
            await using var subscription = channel.Subscribe(v =>
            {
                delivered++;
                if ((int)v.GetDouble() == final)
                {
                    last.TrySetResult();
                }
            });
            for (var i = 1; i <= updates; i++)
            {
                await pv.WriteAsync(DbrValue.Of(i), writer);
            }

            await last.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await pv.WriteAsync(DbrValue.Of(0), writer);
            return delivered;
        });
    }

    private static CaClientOptions Options(CaServer server) =>
        new() { AddressList = [$"127.0.0.1:{server.UdpPort}"], AutoAddressList = false, RegisterWithRepeater = false };
}
