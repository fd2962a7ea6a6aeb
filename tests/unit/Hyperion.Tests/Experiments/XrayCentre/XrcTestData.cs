using System.Text.Json.Nodes;
using Hyperion.Cli.Parameters;

namespace Hyperion.Cli.Tests.Experiments.XrayCentre;

/// <summary>Grid-scan parameters for the X-ray centring tests, writing into a fresh temporary folder.</summary>
internal static class XrcTestData
{
    public static JsonObject GridJson() => JsonNode.Parse($$"""
        {
            "parameter_model_version": "6.0.0",
            "beamline": "BL03S",
            "visit": "cm31105-4",
            "sample_id": 123456,
            "sample_puck": 4,
            "sample_pin": 2,
            "storage_directory": "{{PlanTestData.NewDirectory()}}",
            "file_name": "file_name",
            "detector_distance_mm": 100.0,
            "demand_energy_ev": 12700,
            "exposure_time_s": 0.004,
            "run_number": 0,
            "transmission_frac": 0.5,
            "tip_offset_um": 50
        }
        """)!.AsObject();

    public static SpecifiedThreeDGridScan Specified(Action<JsonObject>? edit = null)
    {
        var json = GridJson();
        json.Remove("tip_offset_um");
        json["x_start_um"] = 100.0;
        json["y_starts_um"] = new JsonArray(200.0, 200.0);
        json["z_starts_um"] = new JsonArray(300.0, 300.0);
        json["x_step_size_um"] = 20.0;
        json["y_step_sizes_um"] = new JsonArray(20.0, 20.0);
        json["x_steps"] = 40;
        json["y_steps"] = new JsonArray(20, 10);
        edit?.Invoke(json);
        return HyperionParameters.Load<SpecifiedThreeDGridScan>(json);
    }

    public static GridScanWithEdgeDetect EdgeDetect(Action<JsonObject>? edit = null)
    {
        var json = GridJson();
        json.Remove("tip_offset_um");
        edit?.Invoke(json);
        return HyperionParameters.Load<GridScanWithEdgeDetect>(json);
    }

    public static PinTipCentreThenXrayCentre PinTip(Action<JsonObject>? edit = null)
    {
        var json = GridJson();
        edit?.Invoke(json);
        return HyperionParameters.Load<PinTipCentreThenXrayCentre>(json);
    }
}
