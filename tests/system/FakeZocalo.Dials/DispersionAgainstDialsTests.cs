using System.Text.Json.Nodes;
using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Dials.Tests;
using Xunit.Abstractions;

namespace Hyperion.FakeZocalo.Dials.Tests;

/// <summary>
/// Our spot finder against Debian's DIALS on twin frames: the strong-pixel mask equals DIALS' DispersionThreshold
/// pixel for pixel, and the spots per image equal <c>dials.find_spots</c>' with the dispersion threshold on the frames
/// imported as stills.
/// </summary>
[Collection("dials")]
public sealed class DispersionAgainstDialsTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Theory]
    [InlineData(PixelType.UInt32)]
    [InlineData(PixelType.UInt16)]
    public async Task Strong_pixels_and_spots_per_image_equal_dials(PixelType pixelType)
    {
        using var data = new TwinFrames(pixelType == PixelType.UInt16 ? "grid_u16" : "grid_u32", pixelType);
        var import = await ExternalTool.RunAsync("dials.import", data.Directory, Timeout, data.MasterPath, "convert_sequences_to_stills=True");
        Assert.Contains($"num stills: {data.Frames.Count}", import, StringComparison.Ordinal);
        await ExternalTool.RunAsync("dials.find_spots", data.Directory, Timeout, "imported.expt", "spotfinder.threshold.algorithm=dispersion", "nproc=1");
        var probe = await ExternalTool.ProbeAsync("dispersion_probe.py", data.Directory, "imported.expt", "strong.refl");

        using var collection = await CollectionAnalyser.OpenAsync(data.MasterPath, settings: new SpotFinderSettings { MaxDegreeOfParallelism = 2 });
        Assert.Equal(data.Frames.Count, collection.Source.ImageCount);
        var dialsSpots = probe["spots_per_image"]!.AsArray().Select(v => (int)v!).ToArray();
        var images = probe["images"]!.AsArray();
        for (var i = 0; i < data.Frames.Count; i++)
        {
            var dials = images[i]!["strong"]!.AsArray().Select(v => (int)v!).ToArray();
            var (frame, result) = await collection.FindSpotsAsync(i);
            Assert.Equal(data.Frames[i], frame.Pixels);
            var ours = new List<int>();
            collection.Analyser.Threshold.FindStrongPixels(frame.Pixels, pixelType, ours);
            log.WriteLine($"image {i + 1}: DIALS {dials.Length} strong pixels in {(double)images[i]!["seconds"]! * 1000:0} ms, {dialsSpots[i]} spots; ours {ours.Count}, {result.Spots.Count} spots; masked {(int)images[i]!["masked"]!}, minimum {(double)images[i]!["minimum"]!}");
            Assert.True(dials.Length > 100, $"image {i + 1} has only {dials.Length} strong pixels: the test needs real spots");
            Assert.Equal(dials, ours);
            Assert.Equal(dials.Length, result.StrongPixels);
            Assert.True(dialsSpots[i] > 10, $"image {i + 1} has only {dialsSpots[i]} spots");
            Assert.Equal(dialsSpots[i], result.Spots.Count);
        }

        // dxtbx read the "no data" values off the mask as −1 (trusted, with underload −1) and −2 (untrusted).
        Assert.All(images, image => Assert.Equal(-2, (double)image!["minimum"]!));
    }
}
