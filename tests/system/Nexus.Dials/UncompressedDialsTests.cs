using System.Text.Json.Nodes;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>16-bit frames stored uncompressed: DIALS reads them and our masked "all ones" pixels as masked (-1).</summary>
[Collection("dials")]
public sealed class UncompressedDialsTests : IDisposable
{
    private readonly Dataset _data = Dataset.Write(
        "raw_1",
        DetectorGeometry.Eiger4M(150) with { BeamCentreFast = 1100, BeamCentreSlow = 1000.5 },
        NxmxScan.Rotation(10, 0.5, 3),
        [new(900.5, 1500.5, 2, Peak: 800)],
        new DataFileOptions { PixelType = PixelType.UInt16, Compression = FrameCompression.None });

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Dials_imports_uncompressed_16_bit_frames_and_reads_their_pixels()
    {
        await ExternalTool.RunAsync("dials.import", _data.Directory, TimeSpan.FromMinutes(3), _data.MasterPath);
        var width = _data.Detector.Width;
        var probe = await ExternalTool.ProbeAsync("dxtbx_probe.py", _data.Directory, Path.Combine(_data.Directory, "imported.expt"), "--pixels=2:900:1500,1:5:7,0:1035:0");
        Assert.Equal(3, (int)probe["images"]!);
        Assert.Equal([1100.0, 1000.5], Doubles(probe["beam_centre_px"]));
        Assert.Equal([10.0, 0.5], Doubles(probe["oscillation"]));
        var expected = new[] { (int)_data.Frame(2)[(1500 * width) + 900], (int)_data.Frame(1)[(7 * width) + 5], -1 };
        Assert.Equal(expected, probe["pixels"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(800, expected[0]);
    }

    private static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => Math.Round((double)v!, 9)).ToArray();
}
