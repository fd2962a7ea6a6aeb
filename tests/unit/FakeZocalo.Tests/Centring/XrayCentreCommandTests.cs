using System.CommandLine;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Cli;
using Hyperion.FakeZocalo.Recipes;

namespace Hyperion.FakeZocalo.Tests.Centring;

public sealed class XrayCentreCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xray-centre-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_command_is_named_xray_centre()
    {
        Assert.Equal("xray-centre", XrayCentreCommand.Create().Name);
    }

    [Fact]
    public async Task Prints_the_results_list_as_sent_on_the_wire()
    {
        var input = Write("""
            {"grids": [
               {"dcid": 11, "steps_x": 4, "steps_y": 2, "orientation": "horizontal", "snaked": true, "spot_counts": [0,2,2,0, 0,0,1,0]},
               {"dcid": 10, "steps_x": 4, "steps_y": 3, "orientation": "horizontal", "snaked": true, "spot_counts": [0,1,0,0, 0,2,4,0, 0,0,0,0]}],
             "threshold": 0.25, "sample_id": 7}
            """);

        var (code, output, error) = await RunAsync(input);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var expected = XrayCentring.Centre3D(
            new GridSpotCounts(10, 4, 3, GridOrientation.Horizontal, true, [0, 1, 0, 0, 0, 2, 4, 0, 0, 0, 0, 0]),
            new GridSpotCounts(11, 4, 2, GridOrientation.Horizontal, true, [0, 2, 2, 0, 0, 0, 1, 0]),
            new CentringOptions(SampleId: 7));
        Assert.Equal(XrcResultsEnvelope.ResultsToJson(expected), output.TrimEnd());
        Assert.Equal(7, Assert.Single(XrcResultsEnvelope.ParseResults(output)).SampleId);
    }

    [Fact]
    public async Task No_diffraction_prints_an_empty_list()
    {
        var input = Write("""{"grids": [{"dcid": 1, "steps_x": 2, "steps_y": 1, "spot_counts": [0, 0]}, {"dcid": 2, "steps_x": 2, "steps_y": 1, "spot_counts": [0, 0]}]}""");

        var (code, output, _) = await RunAsync(input);

        Assert.Equal(0, code);
        Assert.Equal("[]", output.TrimEnd());
    }

    [Fact]
    public async Task One_grid_is_centred_in_two_dimensions()
    {
        var input = Write("""{"grids": [{"dcid": 1, "steps_x": 2, "steps_y": 2, "orientation": "vertical", "spot_counts": [10, 0, 0, 5]}]}""");

        var (code, output, _) = await RunAsync(input);

        Assert.Equal(0, code);
        Assert.Equal("""[{"centre_of_mass":[1.0,1.0],"max_voxel":[0,0],"max_count":10,"n_voxels":2,"total_count":15,"sample_id":null}]""", output.TrimEnd());
    }

    [Theory]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 2, "steps_y": 1, "spot_counts": [1, 1]}, {"dcid": 2, "steps_x": 3, "steps_y": 1, "spot_counts": [1, 1, 1]}]}""", "$.grids[1].steps_x")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 2, "steps_y": 2, "spot_counts": [1, 1]}]}""", "$.grids[0].spot_counts")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 2, "steps_y": 1, "spot_counts": [1, -1]}]}""", "$.grids[0].spot_counts[1]")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 0, "steps_y": 1, "spot_counts": []}]}""", "$.grids[0].steps_x")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 1, "steps_y": 1, "orientation": "diagonal", "spot_counts": [1]}]}""", "$.grids[0].orientation")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 1, "spot_counts": [1]}]}""", "$.grids[0].steps_y")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 1, "steps_y": 1, "spot_counts": [1.5]}]}""", "$.grids[0].spot_counts[0]")]
    [InlineData("""{"grids": [{"dcid": 1, "steps_x": 1, "steps_y": 1, "spot_counts": [1]}], "threshold": -1}""", "$.threshold")]
    [InlineData("""{"grids": []}""", "$.grids")]
    [InlineData("""{"grid": []}""", "$.grids")]
    [InlineData("not json", "$")]
    public async Task Bad_input_exits_non_zero_naming_the_json_path(string json, string path)
    {
        var (code, output, error) = await RunAsync(Write(json));

        Assert.Equal(XrayCentreCommand.BadInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($" {path}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_exits_non_zero()
    {
        var (code, _, error) = await RunAsync(Path.Combine(_folder, "absent.json"));

        Assert.NotEqual(0, code);
        Assert.Contains("absent.json", error, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string path)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await XrayCentreCommand.Create().Parse([path]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
