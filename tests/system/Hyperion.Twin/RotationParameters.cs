using System.Text.Json.Nodes;

namespace Hyperion.Twin.Tests;

/// <summary>A single rotation sweep's parameters, from mx-bluesky's own test file, pointed at the test's directory.</summary>
public static class RotationParameters
{
    public static string Json(string storageDirectory, double widthDeg, double incrementDeg, double exposureS)
    {
        var file = Path.Combine(RepositoryRoot(), "..", "shared", "reference", "hyperion-params", "good_test_rotation_scan_parameters.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json["storage_directory"] = storageDirectory;
        json["demand_energy_ev"] = 12700;
        json["detector_distance_mm"] = 255;
        json["scan_width_deg"] = widthDeg;
        json["rotation_increment_deg"] = incrementDeg;
        json["exposure_time_s"] = exposureS;
        json["transmission_frac"] = 1.0;
        json["shutter_opening_time_s"] = 0.06;
        json.Remove("omega_starts_deg");
        json.Remove("snapshot_omegas_deg");
        json["omega_start_deg"] = 0;
        json["phi_start_deg"] = 0;
        json["chi_start_deg"] = 0;
        return json.ToJsonString();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hyperion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} holds Hyperion.sln.");
    }
}
