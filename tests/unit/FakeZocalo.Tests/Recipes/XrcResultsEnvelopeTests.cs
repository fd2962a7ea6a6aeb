using System.Text.Json;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Recipes;

namespace Hyperion.FakeZocalo.Tests.Recipes;

public sealed class XrcResultsEnvelopeTests
{
    private static readonly Guid Id = Guid.Parse("6261b482-bef2-49f5-8699-eb274cd3b92e");

    private static readonly XrcResult Crystal = new([1.5, 2.25, 3.0], [1, 2, 3], 105062, 35, 2387574, new XrcBoundingBox(2, 2, 2, 8, 8, 7), 364758);

    [Fact]
    public void A_message_serialises_to_the_workflows_recipe_envelope()
    {
        var message = new XrcResultsMessage(Id, 1234, 123, new XrcResultsPayload([Crystal]));

        var json = XrcResultsEnvelope.ToJson(message);

        Assert.Equal(
            """{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe":{"start":[[1,[]]],"1":{"service":"Send XRC results to GDA","queue":"xrc.i03","exchange":"results","parameters":{"dcid":1234,"dcgid":123,"gpu":true}}},"recipe-pointer":1,"recipe-path":[],"payload":{"results":[{"centre_of_mass":[1.5,2.25,3.0],"max_voxel":[1,2,3],"max_count":105062,"n_voxels":35,"total_count":2387574,"sample_id":364758,"bounding_box":[[2,2,2],[8,8,7]]}],"status":"success","type":"3d"}}""",
            json);
    }

    [Fact]
    public void No_diffraction_is_an_empty_results_list_not_a_missing_one()
    {
        var json = XrcResultsEnvelope.ToJson(new XrcResultsMessage(Id, 1, 2, new XrcResultsPayload([])));

        Assert.Contains("\"payload\":{\"results\":[],\"status\":\"success\",\"type\":\"3d\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_channel_exchange_and_gpu_flag_are_configurable()
    {
        var message = new XrcResultsMessage(Id, 1, 2, new XrcResultsPayload([]), Gpu: false, Channel: "xrc.i04", Exchange: "results.test");

        using var document = JsonDocument.Parse(XrcResultsEnvelope.ToUtf8Json(message));
        var step = document.RootElement.GetProperty("recipe").GetProperty("1");

        Assert.Equal("xrc.i04", step.GetProperty("queue").GetString());
        Assert.Equal("results.test", step.GetProperty("exchange").GetString());
        Assert.False(step.GetProperty("parameters").GetProperty("gpu").GetBoolean());
    }

    [Fact]
    public void Output_is_the_same_bytes_for_the_same_message()
    {
        var message = new XrcResultsMessage(Id, 1, 2, new XrcResultsPayload([Crystal, Crystal with { SampleId = null }]));

        Assert.Equal(XrcResultsEnvelope.ToUtf8Json(message), XrcResultsEnvelope.ToUtf8Json(message with { }));
    }

    [Fact]
    public void A_message_reads_back_as_written()
    {
        var twoD = new XrcResult([2.5, 1.1666666666666667], [2, 1], 10, 3, 27, null, null);
        var message = new XrcResultsMessage(Id, 1234, 123, new XrcResultsPayload([Crystal, twoD], "success", "2d"), Gpu: false);

        var parsed = XrcResultsEnvelope.Parse(XrcResultsEnvelope.ToUtf8Json(message));

        Assert.Equal(message with { Payload = null! }, parsed with { Payload = null! });
        Assert.Equal(message.Payload.Results, parsed.Payload.Results);
        Assert.Equal("2d", parsed.Payload.Type);
    }

    [Fact]
    public void Centres_of_mass_are_written_as_floats_even_when_whole()
    {
        var json = XrcResultsEnvelope.ResultToJson(new XrcResult([1.0, 0.5, 12.0], [0, 0, 0], 1, 1, 1, new XrcBoundingBox(0, 0, 0, 1, 1, 1), null));

        Assert.StartsWith("{\"centre_of_mass\":[1.0,0.5,12.0],", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1.7222222222222223, "1.7222222222222223")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.5, "0.5")]
    [InlineData(123.456, "123.456")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(1.5e-300, "1.5e-300")]
    [InlineData(2.5e200, "2.5e+200")]
    public void Floats_are_written_as_python_writes_them(double value, string expected) =>
        Assert.Equal(expected, XrcResultsEnvelope.PythonFloat(value));

    [Fact]
    public void Messages_as_dls_tools_send_them_are_read()
    {
        // String ids (as DLS's test publisher sends), float counts (as pydantic dumps float fields), no gpu flag,
        // and a recipe step under another pointer.
        const string json = """
            {"environment": {"ID": "6261b482-bef2-49f5-8699-eb274cd3b92e"},
             "payload": {"results": [{"centre_of_mass": [1, 2, 3], "max_voxel": [1, 2, 3], "max_count": 105062.0,
                          "n_voxels": 35, "total_count": 2387574.0, "bounding_box": [[2, 2, 2], [8, 8, 7]]}]},
             "recipe": {"start": [[2, []]], "2": {"service": "Send XRC results to GDA", "queue": "xrc.i03",
                        "exchange": "results", "parameters": {"dcid": "2", "dcgid": "4"}}},
             "recipe-path": [], "recipe-pointer": 2}
            """;

        var message = XrcResultsEnvelope.Parse(json);

        Assert.Equal(2, message.Dcid);
        Assert.Equal(4, message.Dcgid);
        Assert.False(message.Gpu);
        var result = Assert.Single(message.Payload.Results);
        Assert.Equal(new XrcResult([1, 2, 3], [1, 2, 3], 105062, 35, 2387574, new XrcBoundingBox(2, 2, 2, 8, 8, 7), null), result);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[]}}""", "$.environment")]
    [InlineData("""{"environment":{"ID":"not-a-uuid"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[]}}""", "$.environment.ID")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":3,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[]}}""", "$.recipe.3")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":"x","dcgid":2}}},"payload":{"results":[]}}""", "$.recipe.1.parameters.dcid")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{}}""", "$.payload.results")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[{"centre_of_mass":[1,2,3],"max_voxel":[1,"2",3],"max_count":1,"n_voxels":1,"total_count":1}]}}""", "$.payload.results[0].max_voxel[1]")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[{"centre_of_mass":[1,2,3],"max_voxel":[1,2,3],"max_count":1.5,"n_voxels":1,"total_count":1}]}}""", "$.payload.results[0].max_count")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[{"centre_of_mass":[1,2,3],"max_voxel":[1,2,3],"max_count":1,"n_voxels":1,"total_count":1,"bounding_box":[[0,0,0]]}]}}""", "$.payload.results[0].bounding_box")]
    [InlineData("""{"environment":{"ID":"6261b482-bef2-49f5-8699-eb274cd3b92e"},"recipe-pointer":1,"recipe":{"1":{"parameters":{"dcid":1,"dcgid":2}}},"payload":{"results":[{"centre_of_mass":[1,2,3],"max_voxel":[1,2],"max_count":1,"n_voxels":1,"total_count":1}]}}""", "$.payload.results[0].max_voxel")]
    public void Malformed_messages_are_rejected_naming_the_field(string json, string path)
    {
        var ex = Assert.Throws<RecipeEnvelopeException>(() => XrcResultsEnvelope.Parse(json));

        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void A_results_list_reads_back_as_written()
    {
        IReadOnlyList<XrcResult> results = [Crystal, Crystal with { CentreOfMass = [0.5, 0.5, 0.5] }];

        Assert.Equal(results, XrcResultsEnvelope.ParseResults(XrcResultsEnvelope.ResultsToJson(results)));
    }
}
