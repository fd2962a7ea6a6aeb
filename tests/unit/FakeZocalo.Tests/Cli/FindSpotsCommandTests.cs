using System.CommandLine;
using System.Text.Json.Nodes;
using Hyperion.FakeZocalo.Cli;
using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.FakeZocalo.Tests.Frames;

namespace Hyperion.FakeZocalo.Tests.Cli;

public sealed class FindSpotsCommandTests
{
    [Fact]
    public void The_command_is_named_find_spots() => Assert.Equal("find-spots", FindSpotsCommand.Create().Name);

    [Fact]
    public async Task Text_output_gives_each_images_strong_pixels_and_spots_and_the_spot_counts_table()
    {
        using var collection = new TestCollection();
        var expected = await ExpectedAsync(collection.MasterPath);
        var (code, output, error) = await RunAsync(collection.MasterPath, "--threads", "1");
        Assert.True(code == 0, error);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"Found {expected[i].StrongPixels} strong pixels on image {i + 1}; {expected[i].Spots.Count} spots", output, StringComparison.Ordinal);
            var s = expected[i].Statistics;
            Assert.Contains($"| {i + 1} | {s.SpotsTotal} | {s.SpotsNoIce} | {s.TotalIntensity:0} |", output, StringComparison.Ordinal);
        }

        Assert.All(expected, e => Assert.NotEmpty(e.Spots));
        Assert.Contains($"Saved {expected.Sum(e => e.Spots.Count)} spots from 3 images", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_carries_zocalos_per_image_fields()
    {
        using var collection = new TestCollection();
        var expected = await ExpectedAsync(collection.MasterPath);
        var (code, output, error) = await RunAsync(collection.MasterPath, "--json", "--images", "2-3");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        var images = json["images"]!.AsArray();
        Assert.Equal(2, images.Count);
        Assert.Equal(expected[1].Spots.Count + expected[2].Spots.Count, (int)json["total_spots"]!);
        var second = images[0]!.AsObject();
        Assert.Equal(2, (int)second["file-number"]!);
        Assert.Equal(collection.MasterPath, (string)second["file"]!);
        Assert.Equal(expected[1].Statistics.SpotsTotal, (int)second["n_spots_total"]!);
        Assert.Equal(expected[1].Statistics.SpotsNoIce, (int)second["n_spots_no_ice"]!);
        Assert.Equal(expected[1].Statistics.Spots4A, (int)second["n_spots_4A"]!);
        Assert.Equal(expected[1].Statistics.TotalIntensity, (double)second["total_intensity"]!);
        Assert.Equal(expected[1].Statistics.EstimatedDMin, (double)second["estimated_d_min"]!);
        Assert.Equal(expected[1].Spots.Count, second["spots"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_data_file_is_read_without_its_master()
    {
        using var collection = new TestCollection(images: 3, framesPerFile: 2);
        var (code, output, error) = await RunAsync(collection.DataPath(1), "--json", "--distance-mm", "120", "--energy-kev", "12.7");
        Assert.True(code == 0, error);
        var images = JsonNode.Parse(output)!["images"]!.AsArray();
        Assert.Equal(3, images.Count);
        Assert.Equal(collection.DataPath(2), (string)images[2]!["file"]!);

        // Without the master's pixel mask the frames' blobs are still found.
        Assert.All(images, i => Assert.True((int)i!["n_spots_total"]! > 5, i.ToJsonString()));
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.nxs");
        var (code, output, error) = await RunAsync(path);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_is_an_error_naming_it()
    {
        using var collection = new TestCollection(writeFiles: false);
        await File.WriteAllTextAsync(collection.MasterPath, "this is not a master file");
        var (code, _, error) = await RunAsync(collection.MasterPath);
        Assert.Equal(1, code);
        Assert.Contains(collection.MasterPath, error, StringComparison.Ordinal);
        Assert.Contains("not a readable NXmx master", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--images", "0")]
    [InlineData("--images", "3-2")]
    [InlineData("--images", "x")]
    [InlineData("--d-max", "-1")]
    public async Task Bad_arguments_exit_2(string option, string value)
    {
        using var collection = new TestCollection();
        var (code, _, error) = await RunAsync(collection.MasterPath, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_past_the_end_are_an_error()
    {
        using var collection = new TestCollection();
        var (code, _, error) = await RunAsync(collection.MasterPath, "--images", "2-4");
        Assert.Equal(1, code);
        Assert.Contains("has 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collection_analyser_gives_zocalos_result_per_frame()
    {
        using var collection = new TestCollection();
        using var analyser = await CollectionAnalyser.OpenAsync(collection.MasterPath);
        var expected = await ExpectedAsync(collection.MasterPath);
        var summary = await analyser.AnalyseFrameAsync(1);
        Assert.Equal((collection.MasterPath, 2), (summary.File, summary.FileNumber));
        Assert.Equal(expected[1].Statistics.SpotsTotal, summary.SpotsTotal);
        Assert.Equal(expected[1].Statistics.TotalIntensity, summary.TotalIntensity);
        Assert.True(summary.FileSeenAt > 1.7e9);
    }

    private static async Task<SpotFindingResult[]> ExpectedAsync(string master)
    {
        using var analyser = await CollectionAnalyser.OpenAsync(master);
        var results = new SpotFindingResult[analyser.Source.ImageCount!.Value];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = (await analyser.FindSpotsAsync(i)).Result;
        }

        return results;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FindSpotsCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
