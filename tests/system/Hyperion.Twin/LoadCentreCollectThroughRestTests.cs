using Hyperion.Cli.Sim;
using Hyperion.FakeZocalo.Faults;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.RabbitMq.Tests;
using Hyperion.Nexus.Dials.Tests;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.Twin.Tests;

/// <summary>
/// The whole unattended collection, as GDA asks Hyperion for it over REST, on the twin: robot load, pin-tip centring,
/// OAV grid detection, the two-grid fast grid scan with the fake Zocalo's spot finding, then a 90° rotation at the
/// centre it found. The twin knows where the crystal truly is; DIALS indexes the sweep from the master Hyperion wrote.
/// </summary>
[Collection("hyperion-twin")]
public sealed class LoadCentreCollectThroughRestTests
{
    private const double HalfABoxMicrons = 10; // the example's grid boxes are 20 µm

    [Fact]
    public async Task A_load_centre_collect_centres_on_the_crystal_records_ispyb_and_writes_a_sweep_dials_indexes()
    {
        await using var hyperion = await HyperionOnTwin.StartAsync(PvTransport.InProcess, speed: 10, ispybSamples: [LoadCentreCollectParameters.SampleId]);
        var data = Path.Combine(hyperion.Directory, "data");

        var answer = await hyperion.PutAsync("/load_centre_collect_full/start", LoadCentreCollectParameters.Json(data));
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.Equal("Success", (string?)answer["status"]);
        Assert.True((string?)final["status"] == "Idle", $"ended {final.ToJsonString()}");
        Assert.True(await MicronsFromTheCrystalAsync(hyperion) < HalfABoxMicrons, $"{await MicronsFromTheCrystalAsync(hyperion):0.0} µm from the crystal");

        var sweep = hyperion.Frames.Where(f => !f.Request.IsStill).ToList();
        Assert.Equal(180, sweep.Count);
        Assert.All(sweep, f => Assert.True(f.Request.Transmission > 0 && Math.Abs(f.Request.OscillationDegrees - 0.5) < 0.01, $"frame {f.ImageNumber}: {f.Request}"));

        await AssertIspybRecordedTheCollectionAsync(hyperion.Application.Environment.Ispyb);
        await AssertDialsSeesTheGridHitsWhereTheTwinPutThemAsync(hyperion, Path.Combine(data, "xraycentring"));

        var master = Path.Combine(data, "thaumatin_1.nxs");
        Assert.True(File.Exists(master), "Hyperion's rotation NeXus callback wrote the sweep's master");
        var work = Directory.CreateDirectory(Path.Combine(hyperion.Directory, "dials")).FullName;
        await ExternalTool.RunAsync("dials.import", work, HyperionOnTwin.Timeout, master);
        await ExternalTool.RunAsync("dials.find_spots", work, HyperionOnTwin.Timeout, "imported.expt", "scan_range=1,20", "nproc=2");
        await ExternalTool.RunAsync("dials.index", work, HyperionOnTwin.Timeout, "imported.expt", "strong.refl");
        var probe = await ExternalTool.ProbeAsync("twin_probe.py", work, "imported.expt", "strong.refl", "indexed.expt");
        var cell = probe["unit_cell"]!.AsArray().Select(v => (double)v!).ToArray();
        var truth = hyperion.Twin.Sample.Crystal.UnitCell;
        double[] lengths = [.. cell[..3].Order()], expected = [.. new[] { truth.LengthA, truth.LengthB, truth.LengthC }.Order()];
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(lengths[i] - expected[i]) / expected[i] < 0.01, $"cell {string.Join(", ", cell)} vs {truth}");
        }
    }

    [Fact]
    public async Task Over_channel_access_with_zocalo_and_the_callbacks_process_on_rabbitmq_a_load_centre_collect_centres_on_the_crystal()
    {
        // As on a beamline: devices over Channel Access, Zocalo on RabbitMQ, and the ISPyB, NeXus and Zocalo callbacks
        // in a separate `hyperion callbacks` process fed over the broker, sharing the ISPyB file the twin's Zocalo reads.
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var hyperion = await HyperionOnTwin.StartAsync(
            PvTransport.ChannelAccess, speed: 10, zocaloBroker: vhost.Options.Uri, ispybSamples: [LoadCentreCollectParameters.SampleId], externalCallbacks: vhost.Options.Uri);
        await using var callbacks = await CallbacksProcess.StartAsync(
            "--broker", vhost.Options.Uri.ToString(), "--ispyb", hyperion.IspybPath, "--beamline", "s03", "--log-dir", Path.Combine(hyperion.Directory, "callbacks-logs"));
        var data = Path.Combine(hyperion.Directory, "data");

        await hyperion.PutAsync("/load_centre_collect_full/start", LoadCentreCollectParameters.Json(data));
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.True((string?)final["status"] == "Idle", $"ended {final.ToJsonString()}\n{callbacks.Output}");
        Assert.True(await MicronsFromTheCrystalAsync(hyperion) < HalfABoxMicrons, $"{await MicronsFromTheCrystalAsync(hyperion):0.0} µm from the crystal");
        Assert.Equal(180, hyperion.Frames.Count(f => !f.Request.IsStill));
        var ispyb = hyperion.Application.Environment.Ispyb;
        await HyperionOnTwin.WaitForAsync(
            async () => await ispyb.GetDataCollectionAsync(3, default) is { RunStatus: { } status } && status.Contains("success", StringComparison.OrdinalIgnoreCase),
            () => $"the callbacks process to record the sweep's end:\n{callbacks.Output}");
        Assert.Equal(0, await callbacks.StopAsync());
        Assert.Matches(@"[1-9]\d* document\(s\) handled, 0 rejected, 0 callback failure\(s\)", callbacks.Output);
        await AssertIspybRecordedTheCollectionAsync(ispyb);
        Assert.True(File.Exists(Path.Combine(data, "thaumatin_1.nxs")), "the callbacks process wrote the sweep's master");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(data, "xraycentring"), "*.nxs").Length);
    }

    [Fact]
    public async Task A_loop_without_a_crystal_in_it_fails_with_crystal_not_found_marks_the_sample_and_stops_the_motors()
    {
        // The crystal sits half a millimetre above the loop: nothing the grid covers diffracts.
        var thaumatin = SampleDefinition.Thaumatin;
        var empty = thaumatin with { Crystal = thaumatin.Crystal with { PositionMm = new Vector3D(0, 0.5, 0) } };
        await using var hyperion = await HyperionOnTwin.StartAsync(PvTransport.InProcess, speed: 10, sample: empty, ispybSamples: [LoadCentreCollectParameters.SampleId]);

        await hyperion.PutAsync("/load_centre_collect_full/start", LoadCentreCollectParameters.Json(Path.Combine(hyperion.Directory, "data")));
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.Equal("Failed", (string?)final["status"]);
        Assert.Equal("CrystalNotFoundException", (string?)final["exception_type"]);
        Assert.DoesNotContain(hyperion.Frames, f => !f.Request.IsStill);
        var sample = await hyperion.Application.Environment.Ispyb.GetSampleAsync(LoadCentreCollectParameters.SampleId, default);
        Assert.Equal(BLSampleStatus.ErrorSample, sample!.BlSampleStatus);
        await AssertEveryMotorStoppedAsync(hyperion);
        Assert.False(hyperion.Twin.Eiger.IsArmed);
        var grids = await CollectionsAsync(hyperion.Application.Environment.Ispyb);
        Assert.Equal(2, grids.Count);
        Assert.All(grids, g => Assert.Contains("Unsuccessful", g.RunStatus ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_robot_that_finds_no_pin_fails_the_load_records_the_robots_error_and_collects_nothing()
    {
        await using var hyperion = await HyperionOnTwin.StartAsync(PvTransport.InProcess, speed: 10, ispybSamples: [LoadCentreCollectParameters.SampleId]);
        await hyperion.Twin.Faults.InjectAsync(new FaultDefinition { Fault = "empty_position", Puck = 4, Pin = 3 });

        await hyperion.PutAsync("/load_centre_collect_full/start", LoadCentreCollectParameters.Json(Path.Combine(hyperion.Directory, "data")));
        var final = await hyperion.WaitUntilSettledAsync();

        // As mx-bluesky: the robot's failed status fails the experiment (not a sample warning), and ISPyB records why.
        Assert.Equal("Failed", (string?)final["status"]);
        Assert.Contains("Pin was not detected", (string?)final["message"], StringComparison.Ordinal);
        var ispyb = hyperion.Application.Environment.Ispyb;
        var load = Assert.Single(await ispyb.GetRobotActionsForSampleAsync(LoadCentreCollectParameters.SampleId, default));
        Assert.Equal(("LOAD", "ERROR"), (load.ActionType, load.Status));
        Assert.Contains("Pin was not detected", load.Message, StringComparison.Ordinal);
        Assert.Equal(BLSampleStatus.ErrorBeamline, (await ispyb.GetSampleAsync(LoadCentreCollectParameters.SampleId, default))!.BlSampleStatus);
        Assert.Empty(hyperion.Frames);
        await AssertEveryMotorStoppedAsync(hyperion);
    }

    [Fact]
    public async Task A_zocalo_that_never_answers_fails_the_centring_stops_the_motors_and_marks_the_grid_collections_unsuccessful()
    {
        await using var hyperion = await HyperionOnTwin.StartAsync(
            PvTransport.InProcess, speed: 10, ispybSamples: [LoadCentreCollectParameters.SampleId], zocaloTimeout: TimeSpan.FromSeconds(5));
        hyperion.Application.Environment.Twin!.Zocalo.Faults.Set(new ZocaloFault(string.Empty, ZocaloFaultKind.NoReply));

        await hyperion.PutAsync("/load_centre_collect_full/start", LoadCentreCollectParameters.Json(Path.Combine(hyperion.Directory, "data")));
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.Equal("Failed", (string?)final["status"]);
        // As bluesky: the zocalo device's failed trigger status surfaces as FailedStatus, carrying dodal's reason.
        Assert.Equal("FailedStatus", (string?)final["exception_type"]);
        Assert.Contains("Timed out waiting for Zocalo results", (string?)final["message"], StringComparison.Ordinal);
        await AssertEveryMotorStoppedAsync(hyperion);
        Assert.False(hyperion.Twin.Eiger.IsArmed);
        Assert.DoesNotContain(hyperion.Frames, f => !f.Request.IsStill);
        var ispyb = hyperion.Application.Environment.Ispyb;
        var grids = await CollectionsAsync(ispyb);
        Assert.Equal(2, grids.Count);
        Assert.All(grids, g => Assert.Contains("Unsuccessful", g.RunStatus ?? string.Empty, StringComparison.Ordinal));
        Assert.Equal(BLSampleStatus.ErrorBeamline, (await ispyb.GetSampleAsync(LoadCentreCollectParameters.SampleId, default))!.BlSampleStatus);

        // The runner is free again: the next experiment starts and runs.
        var next = await hyperion.PutAsync("/rotation_scan/start", RotationParameters.Json(Path.Combine(hyperion.Directory, "data"), widthDeg: 5, incrementDeg: 0.5, exposureS: 0.01));
        Assert.Equal("Success", (string?)next["status"]);
        Assert.Equal("Idle", (string?)(await hyperion.WaitUntilSettledAsync())["status"]);
    }

    // Both grids' masters (the second's frames start after the first's in the one data file) open in DIALS, hold one
    // image per grid box, and DIALS finds the diffraction on the frames where the twin says the beam met the crystal.
    // Spot finding covers 21 frames about each grid's brightest one: all 600 would take DIALS minutes on two cores.
    private static async Task AssertDialsSeesTheGridHitsWhereTheTwinPutThemAsync(HyperionOnTwin hyperion, string directory)
    {
        var ispyb = hyperion.Application.Environment.Ispyb;
        var grids = (await CollectionsAsync(ispyb)).Take(2).ToList();
        var masters = Directory.GetFiles(directory, "*.nxs").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, masters.Count);
        var stills = hyperion.Frames.Where(f => f.Request.IsStill).OrderBy(f => f.ImageNumber).ToList();
        var first = 0;
        for (var g = 0; g < 2; g++)
        {
            var info = (await ispyb.GetGridInfoAsync(grids[g].DataCollectionId, default))!;
            var points = info.StepsX!.Value * info.StepsY!.Value;
            var frames = stills.Skip(first).Take(points).ToList();
            first += points;
            var work = Directory.CreateDirectory(Path.Combine(hyperion.Directory, $"dials-grid{g + 1}")).FullName;
            var import = await ExternalTool.RunAsync("dials.import", work, HyperionOnTwin.Timeout, masters[g]);
            Assert.Contains($"num images: {points}", import, StringComparison.Ordinal);

            var brightest = frames.IndexOf(frames.MaxBy(f => f.Truth.IlluminatedFraction)!);
            var (from, to) = (Math.Max(0, brightest - 10), Math.Min(points - 1, brightest + 10));
            await ExternalTool.RunAsync("dials.find_spots", work, HyperionOnTwin.Timeout, "imported.expt", $"scan_range={from + 1},{to + 1}", "nproc=2");
            var probe = await ExternalTool.ProbeAsync("twin_probe.py", work, "imported.expt", "strong.refl");
            var spots = probe["spots_per_image"]!.AsArray().Select(v => (int)v!).ToArray();
            var window = Enumerable.Range(from, to - from + 1).ToList();
            var table = string.Join(", ", window.Select(i => $"{i + 1}:{frames[i].Truth.IlluminatedFraction:0.###}/{spots[i]}"));
            var strongest = window.MaxBy(i => spots[i]);
            Assert.True(spots[strongest] >= 10, $"grid {g + 1}: DIALS found no frame with diffraction near image {brightest + 1}: {table}");
            Assert.True(
                frames[strongest].Truth.IlluminatedFraction >= 0.5 * frames[brightest].Truth.IlluminatedFraction,
                $"grid {g + 1}: DIALS's strongest image {strongest + 1} is not where the twin lit the crystal: {table}");
            Assert.All(
                window.Where(i => frames[i].Truth.IlluminatedFraction < 1e-4),
                i => Assert.True(spots[i] <= 2, $"grid {g + 1}: image {i + 1} missed the crystal but DIALS found {spots[i]} spots: {table}"));
        }
    }

    private static async Task AssertEveryMotorStoppedAsync(HyperionOnTwin hyperion)
    {
        var smargon = hyperion.Application.Environment.Devices.Smargon;
        foreach (var motor in new[] { smargon.X, smargon.Y, smargon.Z, smargon.Omega })
        {
            Assert.Equal(1, await motor.MotorDoneMove.GetValueAsync());
        }
    }

    private static async Task<List<DataCollectionRow>> CollectionsAsync(IIspybStore ispyb)
    {
        var collections = new List<DataCollectionRow>();
        for (var dcid = 1; await ispyb.GetDataCollectionAsync(dcid, default) is { } row; dcid++)
        {
            collections.Add(row);
        }

        return collections;
    }

    private static async Task<double> MicronsFromTheCrystalAsync(HyperionOnTwin hyperion)
    {
        var smargon = hyperion.Application.Environment.Devices.Smargon;
        var truth = hyperion.Twin.Sample.Crystal.PositionMm;
        var (x, y, z) = (await smargon.X.UserReadback.GetValueAsync(), await smargon.Y.UserReadback.GetValueAsync(), await smargon.Z.UserReadback.GetValueAsync());
        return Math.Sqrt(Math.Pow(x - truth.X, 2) + Math.Pow(y - truth.Y, 2) + Math.Pow(z - truth.Z, 2)) * 1000;
    }

    // Two grid collections with their GridInfo in one group, the rotation in another, the robot's load, the sample.
    private static async Task AssertIspybRecordedTheCollectionAsync(IIspybStore ispyb)
    {
        var collections = await CollectionsAsync(ispyb);
        Assert.Equal(3, collections.Count);
        Assert.All(collections, c => Assert.Equal(LoadCentreCollectParameters.SampleId, c.BlSampleId));
        Assert.All(collections, c => Assert.Contains("success", c.RunStatus ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        Assert.All(collections, c => Assert.True(c.XBeam > 0 && c.YBeam > 0, $"beam centre ({c.XBeam}, {c.YBeam}) mm"));
        var (grid1, grid2, rotation) = (collections[0], collections[1], collections[2]);
        Assert.Equal(grid1.DataCollectionGroupId, grid2.DataCollectionGroupId);
        Assert.NotNull(await ispyb.GetGridInfoAsync(grid1.DataCollectionId, default));
        Assert.NotNull(await ispyb.GetGridInfoAsync(grid2.DataCollectionId, default));
        Assert.NotEqual(grid1.DataCollectionGroupId, rotation.DataCollectionGroupId);
        Assert.Equal(180, rotation.NumberOfImages);

        // The beam at the sample: i03's 80 × 20 µm cut by the rotation's 20 µm small aperture.
        Assert.Equal((0.02, 0.02), (rotation.BeamSizeAtSampleX, rotation.BeamSizeAtSampleY));
        Assert.All([grid1, grid2], g => Assert.True(g.BeamSizeAtSampleX > 0 && g.BeamSizeAtSampleY == 0.02, $"grid beam {g.BeamSizeAtSampleX} × {g.BeamSizeAtSampleY} mm"));
        Assert.Equal(0.5, rotation.AxisRange!.Value, 6);
        var load = Assert.Single(await ispyb.GetRobotActionsForSampleAsync(LoadCentreCollectParameters.SampleId, default));
        Assert.Equal("LOAD", load.ActionType);
        Assert.Equal("SUCCESS", load.Status);
    }
}
