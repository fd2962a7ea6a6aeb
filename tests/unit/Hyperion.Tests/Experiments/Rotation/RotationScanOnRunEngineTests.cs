using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Running;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;

namespace Hyperion.Cli.Tests.Experiments.Rotation;

public sealed class RotationScanOnRunEngineTests
{
    [Fact]
    public async Task A_rotation_runs_on_a_real_run_engine_against_mock_devices_and_emits_the_callbacks_documents()
    {
        var devices = await HyperionDevices.CreateMockAsync();
        await MockBeamlineBehaviour.InstallAsync(devices);
        var parameters = SingleRotation(json =>
        {
            json["scan_width_deg"] = 1.0;
            json["exposure_time_s"] = 0.01;

            // Fresh OAV snapshots fetch the image over HTTP; grid snapshots still make the snapshot events.
            json.Remove("snapshot_omegas_deg");
            json["use_grid_snapshots"] = true;
        });
        var starts = new List<RunStart>();
        var descriptors = new List<string>();
        var stops = new List<RunStop>();
        using var engine = new RunEngine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await engine.RunAsync(
            RotationScanPlan.Run(devices, parameters),
            [(_, doc) =>
            {
                switch (doc)
                {
                    case RunStart start: starts.Add(start); break;
                    case EventDescriptor descriptor: descriptors.Add(descriptor.Name); break;
                    case RunStop stop: stops.Add(stop); break;
                }
            }],
            cancellationToken: timeout.Token);

        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(["multi_rotation_wrapper", "rotation_scan_with_cleanup", "rotation_scan_main"], starts.Select(s => s.GetString("subplan_name")));
        Assert.Contains(DescriptorNames.OavRotationSnapshotTriggered, descriptors);
        Assert.Contains(DescriptorNames.ZocaloHwRead, descriptors);
        Assert.Contains(DescriptorNames.HardwareReadPre, descriptors);
        Assert.Contains(DescriptorNames.HardwareReadDuring, descriptors);
        Assert.All(stops, s => Assert.Equal("success", s.ExitStatus));
        Assert.Equal(ZebraShutterControl.Manual, await devices.SampleShutter.ControlMode.GetValueAsync());
        Assert.Equal(ShutterState.Closed, await devices.DetectorMotion.Shutter.GetValueAsync());
    }
}
