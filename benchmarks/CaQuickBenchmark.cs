using System.Diagnostics;
using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode Channel Access workloads, end to end: our client against our server over loopback, in one process.
/// Gets and puts are pipelined in windows of outstanding requests; monitors count deliveries to 1 and to 50 clients.
/// </summary>
public static class CaQuickBenchmark
{
    private const int Window = 2_000;

    /// <summary>Runs the CA workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        var gets = (int)(400_000 * scale);
        var updates = (int)(200_000 * scale);
        var channels = (int)Math.Max(1000, 10_000 * Math.Min(scale, 1.0));
        var provider = new InMemoryPvProvider();
        var scalar = provider.AddSoft("BENCH:DOUBLE", DbrValue.Of(1.5));
        var counter = provider.AddSoft("BENCH:COUNTER", DbrValue.Of(0));
        provider.AddSoft("BENCH:WAVEFORM", DbrValue.Of(Enumerable.Range(0, 1_000_000).Select(i => (double)i).ToArray()));
        for (var i = 0; i < channels; i++)
        {
            provider.AddSoft($"BENCH:MANY:{i}", DbrValue.Of((double)i));
        }

        await using var server = new CaServer(provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await server.StartAsync();
        var options = new CaClientOptions { AddressList = [$"127.0.0.1:{server.UdpPort}"], AutoAddressList = false, RegisterWithRepeater = false, MaxArrayBytes = 64 * 1024 * 1024 };

        await using (var client = new CaClient(options))
        {
            var channel = client.Channel("BENCH:DOUBLE");
            await channel.WaitForConnectionAsync(TimeSpan.FromSeconds(10));
            await QuickBenchmark.Report(output, "ca_client_pipelined_gets", "gets", gets, () => Pipelined(gets, _ => channel.GetAsync(DbrCategory.Plain).AsTask()));
            var value = DbrValue.Of(2.5);
            await QuickBenchmark.Report(output, "ca_client_pipelined_puts", "puts", gets, async () =>
            {
                await Pipelined(gets, _ => channel.PutAsync(value).AsTask());
                await channel.GetAsync(DbrCategory.Plain); // every put before it has been handled
            });
            await QuickBenchmark.Report(output, "ca_client_pipelined_puts_with_callback", "puts", gets / 4, () => Pipelined(gets / 4, _ => channel.PutAsync(value, wait: true).AsTask()));

            var wave = client.Channel("BENCH:WAVEFORM");
            await wave.WaitForConnectionAsync(TimeSpan.FromSeconds(10));
            const int reads = 20;
            await QuickBenchmark.Report(output, "ca_client_waveform_1M_doubles_MB", "MB", reads * 8, async () =>
            {
                for (var i = 0; i < reads; i++)
                {
                    var read = await wave.GetAsync(DbrCategory.Plain);
                    QuickBenchmark.Check(read.Count == 1_000_000, $"read {read.Count} elements");
                }
            });
        }

        foreach (var clients in new[] { 1, 50 })
        {
            var perClient = updates / clients;
            // CA flow control may coalesce updates when a client falls behind (only the latest is kept), so each client
            // waits for the final value and the rate counts the updates actually delivered.
            await QuickBenchmark.Report(output, $"ca_monitor_updates_to_{clients}_clients", "updates delivered", async () =>
            {
                var delivered = 0;
                var all = new List<CaClient>();
                var arrived = new CountdownEvent(clients);
                try
                {
                    var subscriptions = new List<IPvSubscription>();
                    var ready = new CountdownEvent(clients);
                    var start = ((int[])counter.Value.Values)[0];
                    var final = start + perClient;
                    for (var c = 0; c < clients; c++)
                    {
                        var client = new CaClient(options);
                        all.Add(client);
                        var ch = client.Channel("BENCH:COUNTER");
                        await ch.WaitForConnectionAsync(TimeSpan.FromSeconds(10));
                        var seen = 0;
                        var first = true;
                        subscriptions.Add(ch.Subscribe(v =>
                        {
                            if (first)
                            {
                                first = false;
                                ready.Signal();
                                return;
                            }

                            seen++;
                            if (((int[])v.Values)[0] == final)
                            {
                                Interlocked.Add(ref delivered, seen);
                                arrived.Signal();
                            }
                        }));
                    }

                    QuickBenchmark.Check(ready.Wait(TimeSpan.FromSeconds(30)), "subscriptions did not start");
                    for (var i = 1; i <= perClient; i++)
                    {
                        counter.SetValue(start + i);
                    }

                    QuickBenchmark.Check(arrived.Wait(TimeSpan.FromSeconds(60)), "not every update arrived");
                    foreach (var s in subscriptions)
                    {
                        await s.DisposeAsync();
                    }

                    return delivered;
                }
                finally
                {
                    foreach (var client in all)
                    {
                        await client.DisposeAsync();
                    }

                    arrived.Dispose();
                }
            });
        }

        await QuickBenchmark.Report(output, $"ca_connect_{channels}_channels", "channels", channels, async () =>
        {
            await using var client = new CaClient(options);
            var chans = Enumerable.Range(0, channels).Select(i => client.Channel($"BENCH:MANY:{i}")).ToList();
            await Task.WhenAll(chans.Select(c => c.WaitForConnectionAsync(TimeSpan.FromSeconds(60))));
        });
    }

    private static async Task Pipelined(int count, Func<int, Task> operation)
    {
        var inFlight = new List<Task>(Window);
        for (var i = 0; i < count; i++)
        {
            inFlight.Add(operation(i));
            if (inFlight.Count == Window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
    }
}
