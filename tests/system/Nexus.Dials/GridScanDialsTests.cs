using System.Text.Json.Nodes;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>A grid scan as Hyperion's fast grid scan records it: omega still, the smargon at a new x/y per image.</summary>
[Collection("dials")]
public sealed class GridScanDialsTests : IDisposable
{
    private readonly Dataset _data;
    private readonly List<Vector3D> _positions = [];

    public GridScanDialsTests()
    {
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 4; column++)
            {
                // Snaked, as the grid scan runs.
                var x = row % 2 == 0 ? column : 3 - column;
                _positions.Add(new Vector3D(0.1 + (0.02 * x), -0.3 + (0.02 * row), 0.25));
            }
        }

        Spot[] spots = [new(600.5, 700.5, 1), new(1700.5, 300.5, 6), new(400.5, 2000.5, 11)];
        _data = Dataset.Write("grid_1", DetectorGeometry.Eiger4M(300), NxmxScan.Grid(90, _positions), spots, new DataFileOptions { FramesPerFile = 5 });
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Dials_imports_a_grid_scan_as_one_still_per_image_and_finds_their_spots()
    {
        var output = await ExternalTool.RunAsync("dials.import", _data.Directory, TimeSpan.FromMinutes(3), _data.MasterPath, "convert_sequences_to_stills=True");
        Assert.Contains("num stills: 12", output, StringComparison.Ordinal);
        var experiments = Path.Combine(_data.Directory, "imported.expt");
        await ExternalTool.RunAsync("dials.find_spots", _data.Directory, TimeSpan.FromMinutes(5), experiments, "nproc=1");
        var probe = await ExternalTool.ProbeAsync("dxtbx_probe.py", _data.Directory, experiments, Path.Combine(_data.Directory, "strong.refl"));

        Assert.Equal(12, (int)probe["experiments"]!);
        Assert.Equal(300, (double)probe["distance"]!, 6);
        Assert.Equal(_data.Mask.MaskedCount, (int)probe["masked"]!);
        var found = probe["spots"]!.AsArray().Select(s => s!.AsArray().Select(v => (double)v!).ToArray()).ToList();
        Assert.Equal(_data.Spots.Count, found.Count);
        foreach (var spot in _data.Spots)
        {
            Assert.Contains(found, f => Math.Abs(f[0] - spot.Fast) < 0.15 && Math.Abs(f[1] - spot.Slow) < 0.15);
        }
    }

    [Fact]
    public async Task Dials_imports_a_grid_scan_as_images_without_rotation()
    {
        // Without conversion DIALS keeps one image sequence and makes an experiment of each image: no image turns.
        var output = await ExternalTool.RunAsync("dials.import", _data.Directory, TimeSpan.FromMinutes(3), _data.MasterPath, "output.experiments=images.expt");
        Assert.Contains("num images: 12", output, StringComparison.Ordinal);
        var probe = await ExternalTool.ProbeAsync("dxtbx_probe.py", _data.Directory, Path.Combine(_data.Directory, "images.expt"));
        Assert.Equal(12, (int)probe["images"]!);
        Assert.Equal(1, (int)probe["imagesets"]!);
        Assert.Equal(12, (int)probe["experiments"]!);
        Assert.Equal([0.0, 0.0], Doubles(probe["oscillation"]));
        Assert.Equal([1, 1], probe["image_range"]!.AsArray().Select(v => (int)v!));
    }

    [Fact]
    public async Task The_master_records_each_images_stage_position()
    {
        var probe = await ExternalTool.ProbeAsync("h5py_probe.py", _data.Directory, "master", _data.MasterPath);
        Assert.Equal(_positions.Select(p => p.X), Doubles(probe["sam_x"]));
        Assert.Equal(_positions.Select(p => p.Y), Doubles(probe["sam_y"]));
        Assert.Equal(_positions.Select(p => p.Z), Doubles(probe["sam_z"]));
        Assert.All(Doubles(probe["omega"]), o => Assert.Equal(90, o));
    }

    private static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => (double)v!).ToArray();
}
