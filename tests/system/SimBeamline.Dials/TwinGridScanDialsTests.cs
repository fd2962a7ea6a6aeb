using Hyperion.Nexus.Dials.Tests;
using Hyperion.SimBeamline.Behaviours;

namespace Hyperion.SimBeamline.Dials.Tests;

/// <summary>
/// A fast grid scan across the twin's thaumatin crystal, triggered through the Zebra into the Eiger, written by
/// Odin, imported by DIALS: spots are found only in the frames where the beam crossed the crystal.
/// </summary>
[Collection("twin-dials")]
public sealed class TwinGridScanDialsTests
{
    [Fact]
    public async Task Dials_finds_spots_only_where_the_grid_put_the_crystal_in_the_beam()
    {
        await using var run = new TwinCollection("grid_1");
        var crystal = run.Twin.Sample.Crystal.PositionMm;

        // An 11 × 7 grid at omega 0 centred on the crystal, 40 µm by 20 µm steps: the 80 × 20 µm beam meets the
        // 50 × 40 µm crystal in a few points only.
        const int columns = 11, rows = 7, points = columns * rows;
        var (xStart, yStart) = (crystal.X - (5 * 0.04), crystal.Y - (3 * 0.02));
        await run.PutAsync("BL03S-EA-ZEBRA-01:OUT1_TTL", 7);
        await run.ArmAsync(points, triggers: points, imagesPerTrigger: 1, exposure: 0.004);
        var fgs = new TwinPvWriter(run.Twin.Records, "BL03S-MO-SGON-01:FGS:");
        foreach (var (name, value) in new[]
        {
            ("X_NUM_STEPS", columns), ("Y_NUM_STEPS", rows), ("Z_NUM_STEPS", 0), ("X_START", xStart), ("Y_START", yStart),
            ("Z_START", crystal.Z), ("X_STEP_SIZE", 0.04), ("Y_STEP_SIZE", 0.02), ("DWELL_TIME", 4.0),
        })
        {
            await fgs.SetAsync(name, value);
        }

        await run.PutAsync("BL03S-MO-SGON-01:FGS:RUN.PROC", 1);
        await run.WaitForFramesAsync(points);
        run.WriteMaster(still: true);

        var import = await ExternalTool.RunAsync("dials.import", run.Directory, TwinCollection.Timeout, run.MasterPath, "convert_sequences_to_stills=True");
        Assert.Contains($"num stills: {points}", import, StringComparison.Ordinal);
        await ExternalTool.RunAsync("dials.find_spots", run.Directory, TwinCollection.Timeout, "imported.expt", "nproc=2");
        var probe = await ExternalTool.ProbeAsync("twin_probe.py", run.Directory, "imported.expt", "strong.refl");
        var spots = probe["spots_per_image"]!.AsArray().Select(v => (int)v!).ToArray();

        var frames = run.Frames;
        var lit = frames.Where(f => f.Truth.IlluminatedFraction > 0.1).Select(f => f.ImageNumber - 1).ToList();
        // The beam's Gaussian tails touch everything, and a strong crystal shows spots with 0.2% of it lit: "missed"
        // is under 0.01%.
        var dark = frames.Where(f => f.Truth.IlluminatedFraction < 1e-4).Select(f => f.ImageNumber - 1).ToList();
        var table = string.Join(", ", frames.Select(f => $"{f.ImageNumber}:{f.Truth.IlluminatedFraction:0.###}/{spots[f.ImageNumber - 1]}"));
        Assert.NotEmpty(lit);
        Assert.True(dark.Count > points / 2, $"only {dark.Count} of {points} frames missed the crystal: {table}");
        Assert.All(lit, i => Assert.True(spots[i] >= 20, $"image {i + 1} crossed the crystal but DIALS found {spots[i]} spots: {table}"));
        Assert.All(dark, i => Assert.True(spots[i] <= 2, $"image {i + 1} missed the crystal but DIALS found {spots[i]} spots: {table}"));
    }
}
