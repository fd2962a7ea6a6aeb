using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode device-layer workloads: mock-connecting 500 motors (10,000 signals, ophyd-async's budget is 1 s) and
/// reading a 20-signal StandardReadable, cached (staged) and uncached.
/// </summary>
public static class DevicesQuickBenchmark
{
    /// <summary>Runs the device workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        var motors = Math.Max(50, (int)(500 * Math.Min(scale, 1.0)));
        var signalsPerMotor = new Motor("M").Descendants().Count();
        await QuickBenchmark.Report(output, $"devices_mock_connect_{motors}_motors_{motors * signalsPerMotor}_signals", "motors", motors, async () =>
        {
            var all = Enumerable.Range(0, motors).Select(i => new Motor($"BL03S-MO-BENCH-01:M{i}", $"motor{i}")).ToList();
            await Task.WhenAll(all.Select(m => m.ConnectAsync(new DeviceConnectOptions { Mock = true })));
        });

        var reads = (int)(100_000 * scale);
        var device = new TwentySignals("bench");
        await device.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await QuickBenchmark.Report(output, "devices_read_20_signal_readable_uncached", "reads", reads, async () =>
        {
            for (var i = 0; i < reads; i++)
            {
                var reading = await device.ReadAsync();
                QuickBenchmark.Check(reading.Count == 20, $"read {reading.Count} readings");
            }
        });

        await device.Stage();
        await QuickBenchmark.Report(output, "devices_read_20_signal_readable_staged", "reads", reads, async () =>
        {
            for (var i = 0; i < reads; i++)
            {
                var reading = await device.ReadAsync();
                QuickBenchmark.Check(reading.Count == 20, $"read {reading.Count} readings");
            }
        });
        await device.Unstage();
    }

    private sealed class TwentySignals : StandardReadable
    {
        public TwentySignals(string name)
            : base(string.Empty)
        {
            Signals = new DeviceVector<SignalR<double>>(Enumerable.Range(1, 20).ToDictionary(i => i, i => Epics.SignalR<double>($"BL03S-EA-BENCH-01:S{i}")));
            AddReadables(StandardReadableFormat.HintedSignal, [.. Signals.Values]);
            SetName(name);
        }

        public DeviceVector<SignalR<double>> Signals { get; }
    }
}
