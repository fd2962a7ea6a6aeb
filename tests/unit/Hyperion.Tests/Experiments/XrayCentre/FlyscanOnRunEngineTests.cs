using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Experiments.XrayCentre;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Running;

namespace Hyperion.Cli.Tests.Experiments.XrayCentre;

public sealed class FlyscanOnRunEngineTests
{
    [Fact]
    public async Task Flyscan_on_a_real_run_engine_moves_the_smargon_to_the_converted_centre_and_publishes_it()
    {
        var zocalo = new CapturingZocaloSource();
        var devices = await HyperionDevices.CreateMockAsync(new BeamlineServices { ZocaloResults = zocalo });
        await MockBeamlineBehaviour.InstallAsync(devices);
        var fgs = devices.ZebraFastGridScan;
        fgs.XScanValid.Mock!.SetValue(1);
        fgs.YScanValid.Mock!.SetValue(1);
        fgs.ZScanValid.Mock!.SetValue(1);
        fgs.DeviceScanInvalid.Mock!.SetValue(0);
        fgs.RunCmd.Mock!.PutCallback = (_, _) =>
        {
            fgs.Status.Mock!.SetValue(1);
            return Task.CompletedTask;
        };
        var parameters = XrcTestData.Specified();

        // Raw centres lie on box centres (+0.5): boxes (10, 5, 3) of the x/y and x/z grids.
        var crystal = new XrcResult([10.5, 5.5, 3.5], [10, 5, 3], 50, 4, 100, [[9, 4, 2], [12, 7, 5]], 123456);
        var weak = new XrcResult([1.5, 1.5, 1.5], [1, 1, 1], 2, 1, 2, [[1, 1, 1], [2, 2, 2]]);
        var publishes = new List<Task>();
        var starts = new List<RunStart>();
        var descriptors = new List<string>();
        var stops = new List<RunStop>();
        var handler = new XRayCentreEventHandler();
        using var engine = new RunEngine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await engine.RunAsync(
            FlyscanXrayCentrePlan.Run(devices, parameters),
            [(name, doc) =>
            {
                handler.OnDocument(name, doc);
                switch (doc)
                {
                    case RunStart start: starts.Add(start); break;
                    case RunStop stop: stops.Add(stop); break;
                    case EventDescriptor descriptor:
                        descriptors.Add(descriptor.Name);
                        if (descriptor.Name == DescriptorNames.HardwareReadDuring)
                        {
                            // The motion program finishes and zocalo answers while the scan is being read.
                            fgs.Status.Mock!.SetValue(0);
                            devices.Eiger.Odin.FileWriter.NumCaptured.Mock!.SetValue(parameters.NumImages);
                            publishes.Add(zocalo.PublishAsync(new ZocaloResultsMessage([weak, crystal], new ZocaloRecipeParameters(1, 2))));
                        }

                        break;
                }
            }],
            cancellationToken: timeout.Token);

        await Task.WhenAll(publishes);

        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(
            [PlanNames.GridDetectAndDoGridscan, PlanNames.GridscanOuter, PlanNames.DoFgs, PlanNames.FlyscanResults],
            starts.Select(s => s.GetString("subplan_name")));
        Assert.All(stops, s => Assert.Equal("success", s.ExitStatus));
        Assert.Contains(DescriptorNames.ZocaloHwRead, descriptors);
        Assert.Contains(DescriptorNames.HardwareReadPre, descriptors);
        Assert.Contains(DescriptorNames.FlyscanResults, descriptors);

        // Box (10, 5, 3) from (0.1, 0.2, 0.3) mm in 0.02 mm boxes; the weak hit was dropped.
        var published = Assert.Single(handler.XRayCentreResults!);
        Assert.Equal([0.3, 0.3, 0.36], published.CentreOfMassMm.Select(v => Math.Round(v, 9)));
        Assert.Equal([0.27, 0.27, 0.33], published.BoundingBoxMm.Min.Select(v => Math.Round(v, 9)));
        Assert.Equal(0.3, await devices.Smargon.X.UserReadback.GetValueAsync(), 9);
        Assert.Equal(0.3, await devices.Smargon.Y.UserReadback.GetValueAsync(), 9);
        Assert.Equal(0.36, await devices.Smargon.Z.UserReadback.GetValueAsync(), 9);

        // Tidied: zebra back for GDA, dev/shm off, z steps zeroed, zocalo unstaged.
        Assert.Equal(ZebraShutterControl.Manual, await devices.SampleShutter.ControlMode.GetValueAsync());
        Assert.Equal(0, await devices.Eiger.Odin.Fan.DevShmEnable.GetValueAsync());
        Assert.Equal(0, await fgs.ZSteps.GetValueAsync());
        Assert.False(devices.Zocalo.IsSubscribed);
        Assert.Equal(1, zocalo.Subscriptions);
    }
}
