using System.Text.Json.Nodes;

namespace Hyperion.Twin.Tests;

/// <summary>The README's load-centre-collect for the twin (examples/twin), pointed at the test's directory.</summary>
public static class LoadCentreCollectParameters
{
    /// <summary>The sample the example names.</summary>
    public const long SampleId = 12345;

    public static string Json(string dataDirectory)
    {
        var file = Path.Combine(RotationParameters.RepositoryRoot(), "examples", "twin", "load_centre_collect_full.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json["robot_load_then_centre"]!["storage_directory"] = Path.Combine(dataDirectory, "xraycentring");
        json["multi_rotation_scan"]!["storage_directory"] = dataDirectory;
        return json.ToJsonString();
    }
}
