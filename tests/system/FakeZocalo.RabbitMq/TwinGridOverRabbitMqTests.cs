using System.CommandLine;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Client;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Dials.Tests;
using Xunit.Abstractions;

namespace Hyperion.FakeZocalo.RabbitMq.Tests;

/// <summary>
/// The proof of the FakeZocalo issue: a 3D fast grid scan on the twin writes its frames; Hyperion-format triggers go
/// to <c>processing_recipe</c> on the real broker; <c>fakezocalo serve</c> finds the spots in those frames, centres
/// them, and the result on <c>xrc.i03</c> puts the crystal where the twin has it.
/// </summary>
public sealed class TwinGridOverRabbitMqTests(ITestOutputHelper log)
{
    private const double Step = 0.02;
    private const int Columns = 9, Rows = 7, Layers = 7;

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task The_centre_reported_for_a_twin_grid_scan_is_where_the_twin_put_the_crystal(int workerProcesses)
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var run = new TwinCollection("xrc_1");
        var crystal = run.Twin.Sample.Crystal.PositionMm;
        // The crystal sits off the grid's centre and between grid points, so the answer is not the middle box.
        var (xStart, yStart, zStart) = (crystal.X - (3 * Step) + 0.007, crystal.Y - (2 * Step) - 0.005, crystal.Z - (4 * Step) + 0.004);

        // ISPyB as Hyperion's callbacks leave it before the scan: a group with the two grids and their GridInfo.
        var database = Path.Combine(run.Directory, "ispyb.sqlite");
        long xy, xz;
        await using (var store = await SqliteIspybStore.OpenFileAsync(database, ct: default))
        {
            var session = await store.GetOrCreateSessionAsync("cm1234-67", "i03", default);
            var dcgid = await store.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = session, ExperimentType = "Mesh3D" }, default);
            xy = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, ImageDirectory = run.Directory, NumberOfImages = Columns * Rows, OmegaStart = 0 }, default);
            xz = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, ImageDirectory = run.Directory, NumberOfImages = Columns * Layers, OmegaStart = 90 }, default);
            await store.InsertGridInfoAsync(new GridInfoRow { DataCollectionId = xy, StepsX = Columns, StepsY = Rows, DxMm = Step, DyMm = Step, Snaked = true }, default);
            await store.InsertGridInfoAsync(new GridInfoRow { DataCollectionId = xz, StepsX = Columns, StepsY = Layers, DxMm = Step, DyMm = Step, Snaked = true }, default);
        }

        await using var broker = await vhost.ConnectAsync();
        // Hyperion's side: the results as dodal's ZocaloResults (use_gpu) reads them.
        await using var results = await ZocaloResultsListener.StartAsync(broker, new ZocaloTopology(), ResultSource.Gpu);

        // In this process, or as OS processes of the fakezocalo executable sharing the work through the broker.
        await using var servers = FakeZocaloServers.Start(
            workerProcesses, "--rabbitmq", vhost.Options.Uri.ToString(), "--ispyb", database, "--workers", workerProcesses == 0 ? "2" : "1", "--connect-timeout", "20");
        var trigger = new ZocaloTrigger(broker, "gda2", "i03-control");
        await trigger.RunStartAsync(new ZocaloStartInfo(xy, run.Stem, 0, Columns * Rows, 0));
        await trigger.RunStartAsync(new ZocaloStartInfo(xz, run.Stem, Columns * Rows, Columns * Layers, 1));

        const int points = Columns * (Rows + Layers);
        await run.PutAsync("BL03S-EA-ZEBRA-01:OUT1_TTL", 7);
        await run.ArmAsync(points, triggers: points, imagesPerTrigger: 1, exposure: 0.004);
        var fgs = new TwinPvWriter(run.Twin.Records, "BL03S-MO-SGON-01:FGS:");
        foreach (var (name, value) in new[]
        {
            ("X_NUM_STEPS", Columns), ("Y_NUM_STEPS", Rows), ("Z_NUM_STEPS", Layers), ("X_START", xStart), ("Y_START", yStart),
            ("Z_START", crystal.Z), ("Y2_START", crystal.Y), ("Z2_START", zStart), ("X_STEP_SIZE", Step), ("Y_STEP_SIZE", Step),
            ("Z_STEP_SIZE", Step), ("DWELL_TIME", 4.0),
        })
        {
            await fgs.SetAsync(name, value);
        }

        await run.PutAsync("BL03S-MO-SGON-01:FGS:RUN.PROC", 1);
        await run.WaitForFramesAsync(points);
        await trigger.RunEndAsync(xy);
        await trigger.RunEndAsync(xz);

        var waiting = results.WaitForResultsAsync(TimeSpan.FromMinutes(4));
        while (!waiting.IsCompleted && !servers.AnyStopped)
        {
            // The wait has its own 4-minute limit; a server that stops meanwhile ends it early with its output.
            await Task.WhenAny(waiting, Task.Delay(50));
        }

        Assert.False(servers.AnyStopped, $"fakezocalo serve stopped early:\n{servers.Output}");
        var message = await waiting;
        Assert.Equal(xy, message.Dcid);
        var table = string.Join(", ", run.Frames.Select(f => $"{f.ImageNumber}:{f.Truth.IlluminatedFraction:0.##}@{f.Request.Beam.FluxPhotonsPerSecond:0.#e0}"));
        if (message.Payload.Results.Count == 0)
        {
            // Say whether the frames held no spots or the service lost them.
            using var frames = await CollectionAnalyser.OpenAsync(Path.Combine(run.Directory, run.Stem + "_000001.h5"));
            var spots = new List<int>();
            for (var i = 0; i < points; i++)
            {
                spots.Add((await frames.AnalyseFrameAsync(i)).SpotsTotal);
            }

            Assert.Fail($"no crystal found; spots per frame read back {string.Join(",", spots)}; illumination@flux {table}; servers:\n{servers.Output}");
        }

        var best = message.Payload.Results[0];

        // Hyperion's conversion: a box's centre of mass i + 0.5 is grid point i.
        var found = (X: xStart + (Step * (best.CentreOfMass[0] - 0.5)), Y: yStart + (Step * (best.CentreOfMass[1] - 0.5)), Z: zStart + (Step * (best.CentreOfMass[2] - 0.5)));
        var detail = $"found {found}, crystal {crystal}; result {best}; illumination {table}";
        log.WriteLine(detail);
        log.WriteLine(servers.Output);
        Assert.True(Math.Abs(found.X - crystal.X) < Step, detail);
        Assert.True(Math.Abs(found.Y - crystal.Y) < Step, detail);
        Assert.True(Math.Abs(found.Z - crystal.Z) < Step, detail);
    }
}
