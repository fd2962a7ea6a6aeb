using System.Text.Json.Nodes;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Messages;

namespace Hyperion.Cli.Tests.Experiments;

/// <summary>Parameters (mx-bluesky's good_test_* files, writing into a fresh temporary folder) and message helpers.</summary>
internal static class PlanTestData
{
    private static readonly Lazy<Task<HyperionDevices>> SharedDevices = new(() => HyperionDevices.CreateMockAsync());

    /// <summary>Mock devices shared by simulator tests, which never touch them.</summary>
    public static Task<HyperionDevices> DevicesAsync() => SharedDevices.Value;

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hyperion-plan-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static JsonObject RotationJson(string directory) => JsonNode.Parse($$"""
        {
            "parameter_model_version": "6.0.0",
            "comment": "test",
            "storage_directory": "{{directory}}",
            "detector_distance_mm": 100.0,
            "demand_energy_ev": 100,
            "exposure_time_s": 0.1,
            "omega_starts_deg": [0, 90],
            "file_name": "file_name",
            "scan_width_deg": 180.0,
            "rotation_axis": "omega",
            "rotation_direction": "Negative",
            "rotation_increment_deg": 0.1,
            "run_number": 0,
            "sample_id": 123456,
            "shutter_opening_time_s": 0.6,
            "visit": "cm31105-4",
            "transmission_frac": 0.1,
            "phi_start_deg": 0.47,
            "chi_start_deg": 23.85,
            "x_start_um": 1.0,
            "y_start_um": 2.0,
            "z_start_um": 3.0,
            "selected_aperture": "SMALL_APERTURE",
            "snapshot_omegas_deg": [0, 90, 180, 270]
        }
        """)!.AsObject();

    public static SingleRotationScan SingleRotation(Action<JsonObject>? edit = null)
    {
        var json = RotationJson(NewDirectory());
        edit?.Invoke(json);
        return HyperionParameters.Load<SingleRotationScan>(json);
    }

    public static RotationScan MultiRotation(Action<JsonObject>? edit = null)
    {
        var json = JsonNode.Parse($$"""
            {
                "parameter_model_version": "6.0.0",
                "comment": "test",
                "storage_directory": "{{NewDirectory()}}",
                "detector_distance_mm": 100.0,
                "demand_energy_ev": 100,
                "exposure_time_s": 0.1,
                "file_name": "file_name",
                "run_number": 0,
                "shutter_opening_time_s": 0.6,
                "visit": "cm31105-4",
                "transmission_frac": 0.1,
                "rotation_increment_deg": 0.1,
                "selected_aperture": "SMALL_APERTURE",
                "rotation_scans": [
                    {"rotation_direction": "Negative", "scan_width_deg": 180.0, "omega_start_deg": 0.0, "phi_start_deg": 0.47,
                     "chi_start_deg": 23.85, "x_start_um": 1.0, "y_start_um": 2.0, "z_start_um": 3.0, "sample_id": 123456},
                    {"rotation_direction": "Negative", "scan_width_deg": 180.0, "omega_start_deg": 180.0, "phi_start_deg": 0.47,
                     "chi_start_deg": 4.7, "x_start_um": 3.0, "y_start_um": 2.0, "z_start_um": 1.0, "sample_id": 123456},
                    {"rotation_direction": "Positive", "scan_width_deg": 180.0, "omega_start_deg": 270.0, "phi_start_deg": 0.47,
                     "chi_start_deg": 45, "x_start_um": 6.0, "y_start_um": 7.0, "z_start_um": 8.0, "sample_id": 123456}
                ]
            }
            """)!.AsObject();
        edit?.Invoke(json);
        return HyperionParameters.Load<RotationScan>(json);
    }

    public static JsonObject LoadCentreCollectJson() => JsonNode.Parse($$"""
        {
            "parameter_model_version": "6.0.0",
            "beamline": "BL03S",
            "visit": "cm31105-4",
            "detector_distance_mm": 255,
            "sample_id": 12345,
            "sample_puck": 40,
            "sample_pin": 3,
            "robot_load_then_centre": {
                "storage_directory": "{{NewDirectory()}}/xraycentring",
                "file_name": "robot_load_centring_file",
                "comment": "Robot load and centre",
                "exposure_time_s": 0.004,
                "use_roi_mode": false,
                "demand_energy_ev": 11100,
                "run_number": 0,
                "box_size_um": 20
            },
            "multi_rotation_scan": {
                "comment": "Rotation",
                "storage_directory": "{{NewDirectory()}}",
                "file_name": "file_name",
                "exposure_time_s": 0.004,
                "selected_aperture": "SMALL_APERTURE",
                "transmission_frac": 1.0,
                "demand_energy_ev": 11100,
                "rotation_increment_deg": 0.1,
                "shutter_opening_time_s": 0.6,
                "snapshot_omegas_deg": [0, 90, 180, 270],
                "run_number": 1,
                "rotation_scans": [
                    {"rotation_axis": "omega", "rotation_direction": "Negative", "scan_width_deg": 180.0,
                     "omega_start_deg": 0, "phi_start_deg": 0.47, "chi_start_deg": 23.85}
                ]
            }
        }
        """)!.AsObject();

    public static Cli.Parameters.LoadCentreCollect LccParams(Action<JsonObject>? edit = null)
    {
        var json = LoadCentreCollectJson();
        edit?.Invoke(json);
        return HyperionParameters.Load<Cli.Parameters.LoadCentreCollect>(json);
    }

    public static bool IsOpenRun(Msg msg, string subplanName) =>
        msg.Command == Commands.OpenRun && Equals(msg.Kwargs.GetValueOrDefault("subplan_name"), subplanName);

    public static bool IsSet(Msg msg, object device, object? value = null) =>
        msg.Command == Commands.Set && ReferenceEquals(msg.Obj, device) && (value is null || Equals(msg.Args[0], value));

    public static bool IsWait(Msg msg, string group) =>
        msg.Command == Commands.Wait && Equals(msg.Kwargs.GetValueOrDefault("group"), group);

    public static bool IsCreate(Msg msg, string name) =>
        msg.Command == Commands.Create && Equals(msg.Kwargs.GetValueOrDefault("name"), name);

    public static int IndexOf(IReadOnlyList<Msg> messages, Func<Msg, bool> predicate)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (predicate(messages[i]))
            {
                return i;
            }
        }

        throw new Xunit.Sdk.XunitException("No message matched.");
    }
}
