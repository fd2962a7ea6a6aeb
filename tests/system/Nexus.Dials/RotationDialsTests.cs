using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hyperion.Nexus.Dials.Tests;

[Collection("dials")]
public sealed partial class RotationDialsTests(RotationFixture fixture) : IClassFixture<RotationFixture>
{
    [Fact]
    public async Task Dials_import_reports_our_geometry_scan_and_mask()
    {
        Assert.Contains("num images: 6", fixture.ImportOutput, StringComparison.Ordinal);
        var probe = await ExternalTool.ProbeAsync("dxtbx_probe.py", fixture.Data.Directory, fixture.Experiments);
        var detector = RotationFixture.Detector;

        Assert.Equal("FormatNXmxDLS16M", (string?)probe["format"]);
        Assert.Equal(1, (int)probe["experiments"]!);
        Assert.Equal(6, (int)probe["images"]!);
        Assert.Equal([detector.Width, detector.Height], Ints(probe["image_size"]));
        Assert.Equal([0.075, 0.075], Doubles(probe["pixel_size"]), Tolerance(1e-9));
        Assert.Equal(detector.DistanceMm, (double)probe["distance"]!, 6);
        Assert.Equal([detector.BeamCentreFast, detector.BeamCentreSlow], Doubles(probe["beam_centre_px"]), Tolerance(1e-6));

        // dxtbx speaks imgCIF (x and z flipped from NeXus): our fast -x is its +x, our slow -y its -y.
        Assert.Equal([1.0, 0, 0], Doubles(probe["fast_axis"]), Tolerance(1e-12));
        Assert.Equal([0.0, -1, 0], Doubles(probe["slow_axis"]), Tolerance(1e-12));
        Assert.Equal([1.0, 0, 0], Doubles(probe["rotation_axis"]), Tolerance(1e-12));
        Assert.Equal([-30.0, 0.2], Doubles(probe["oscillation"]), Tolerance(1e-9));
        Assert.Equal([1, 6], Ints(probe["image_range"]));
        Assert.Equal(0.002, (double)probe["exposure_time"]!, 9);
        Assert.Equal(12.398419843320026 / 12.7, (double)probe["wavelength"]!, 9);
        Assert.Equal([-2.0, detector.SaturationValue], Doubles(probe["trusted_range"]), Tolerance(0));
        Assert.Equal("Si", (string?)probe["material"]);
        Assert.Equal(0.45, (double)probe["thickness"]!, 9);
        Assert.Equal(fixture.Data.Mask.MaskedCount, (int)probe["masked"]!);
    }

    [Fact]
    public async Task Dials_show_prints_our_beam_centre()
    {
        var output = await ExternalTool.RunAsync("dials.show", fixture.Data.Directory, TimeSpan.FromMinutes(2), fixture.Experiments);
        var match = BeamCentre().Match(output);
        Assert.True(match.Success, output);
        var detector = RotationFixture.Detector;
        Assert.Equal(detector.BeamCentreFast, double.Parse(match.Groups["px"].Value, CultureInfo.InvariantCulture), 2);
        Assert.Equal(detector.BeamCentreSlow, double.Parse(match.Groups["py"].Value, CultureInfo.InvariantCulture), 2);
        Assert.Equal(detector.BeamCentreFast * 0.075, double.Parse(match.Groups["mx"].Value, CultureInfo.InvariantCulture), 2);
        Assert.Equal(detector.BeamCentreSlow * 0.075, double.Parse(match.Groups["my"].Value, CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public async Task Dials_find_spots_finds_the_spots_where_we_put_them()
    {
        var directory = Path.Combine(fixture.Data.Directory, "spots");
        Directory.CreateDirectory(directory);
        await ExternalTool.RunAsync("dials.find_spots", directory, TimeSpan.FromMinutes(5), fixture.Experiments, "nproc=1");
        var probe = await ExternalTool.ProbeAsync("dxtbx_probe.py", directory, fixture.Experiments, Path.Combine(directory, "strong.refl"));
        var found = probe["spots"]!.AsArray().Select(s => Doubles(s)).ToList();

        Assert.Equal(RotationFixture.Spots.Length, found.Count);
        foreach (var spot in RotationFixture.Spots)
        {
            var nearest = found.MinBy(f => Math.Abs(f[0] - spot.Fast) + Math.Abs(f[1] - spot.Slow))!;
            Assert.True(Math.Abs(nearest[0] - spot.Fast) < 0.15 && Math.Abs(nearest[1] - spot.Slow) < 0.15, $"spot at ({spot.Fast}, {spot.Slow}) found at ({nearest[0]}, {nearest[1]})");
            Assert.Equal(spot.Image + 0.5, nearest[2], 1);
        }
    }

    [Fact]
    public async Task Dxtbx_reads_our_pixels_across_both_data_files()
    {
        var peak = RotationFixture.Spots[5];
        var pixels = $"--pixels=5:{(int)peak.Fast}:{(int)peak.Slow},0:0:0,4:1030:10,3:17:23";
        var probe = await ExternalTool.ProbeAsync("dxtbx_probe.py", fixture.Data.Directory, fixture.Experiments, pixels);
        var width = RotationFixture.Detector.Width;
        var expected = new[]
        {
            (int)fixture.Data.Frame(5)[((int)peak.Slow * width) + (int)peak.Fast],
            (int)fixture.Data.Frame(0)[0],
            -1,
            (int)fixture.Data.Frame(3)[(23 * width) + 17],
        };
        Assert.Equal(expected, Ints(probe["pixels"]));
        Assert.True(expected[0] > 2000);
    }

    [GeneratedRegex(@"Beam centre:\s*\n\s*mm:\s*\((?<mx>[-\d.]+),(?<my>[-\d.]+)\)\s*\n\s*px:\s*\((?<px>[-\d.]+),(?<py>[-\d.]+)\)")]
    private static partial Regex BeamCentre();

    private static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => (double)v!).ToArray();

    private static int[] Ints(JsonNode? node) => node!.AsArray().Select(v => (int)v!).ToArray();

    private static WithinTolerance Tolerance(double tolerance) => new(tolerance);
}
