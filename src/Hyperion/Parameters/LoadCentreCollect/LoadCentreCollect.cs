using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Parameters of <c>load_centre_collect_full</c>: robot load, pin-tip and X-ray centre, then rotation sweeps
/// (mx-bluesky's LoadCentreCollect). The outer fields (visit, sample, version and any other plain value) are copied down
/// into both parts, where a part's own value wins; the outer-only fields must not be repeated in a part; no other
/// fields are allowed at the top; sweeps may not give start positions (centring finds them) and the rotation may not
/// ask for an energy other than the centring's. Errors in a copied field name the outer field.
/// </summary>
public sealed record LoadCentreCollect : MxBlueskyParameters, IWithVisit, IWithSample
{
    private static readonly string[] OuterOnlyFields =
    [
        "parameter_model_version", "sample_id", "sample_puck", "sample_pin", "beamline", "visit", "detector_distance_mm",
    ];

    /// <inheritdoc/>
    [MatchesPattern(@"BL\d{2}[BIJS]")]
    public string Beamline { get; init; } = "BL03I";

    /// <inheritdoc/>
    [RequiredField]
    [MinLength(1)]
    public string Visit { get; init; } = "";

    /// <inheritdoc/>
    [GreaterThan(0)]
    public double? DetectorDistanceMm { get; init; }

    /// <inheritdoc/>
    [RequiredField]
    public long SampleId { get; init; }

    /// <inheritdoc/>
    public int? SamplePuck { get; init; }

    /// <inheritdoc/>
    public int? SamplePin { get; init; }

    /// <summary>How crystals are chosen (<c>select_centres</c>; default the top 1 by max count).</summary>
    public MultiXtalSelection SelectCentres { get; init; } = new TopNByMaxCountSelection { N = 1 };

    /// <summary>The load and centring part (<c>robot_load_then_centre</c>; required).</summary>
    [RequiredField]
    public RobotLoadThenCentre RobotLoadThenCentre { get; init; } = new();

    /// <summary>The collection part (<c>multi_rotation_scan</c>; required).</summary>
    [RequiredField]
    public RotationScan MultiRotationScan { get; init; } = new();

    internal override JsonObject PrepareInput(JsonObject input, BindingScope scope)
    {
        input = base.PrepareInput(input, scope);
        var allowed = new HashSet<string>(
            new[] { typeof(LoadCentreCollect), typeof(RobotLoadThenCentre), typeof(RotationScan) }
                .SelectMany(t => ParameterBinder.PropertiesOf(t).Select(p => p.JsonName)),
            StringComparer.Ordinal);
        foreach (var (name, value) in input)
        {
            if (!allowed.Contains(name))
            {
                scope.Error(name, "extra_forbidden", "Unexpected fields found in LoadCentreCollect", value);
            }
        }

        if (input["robot_load_then_centre"] is not JsonObject robotLoad
            || input["multi_rotation_scan"] is not JsonObject rotation)
        {
            // Reading the fields reports the missing or malformed part.
            return input;
        }

        foreach (var (partName, part) in new[] { ("robot_load_then_centre", robotLoad), ("multi_rotation_scan", rotation) })
        {
            foreach (var name in OuterOnlyFields.Where(part.ContainsKey))
            {
                scope.ErrorAt($"{scope.Field(partName)}.{name}", "duplicated_outer_field",
                    $"Unexpected keys in {partName}: {name} belongs at the top level", part[name]);
            }
        }

        if (rotation["rotation_scans"] is JsonArray sweeps && input.ContainsKey("sample_id"))
        {
            foreach (var sweep in sweeps.OfType<JsonObject>())
            {
                sweep["sample_id"] = input["sample_id"]?.DeepClone();
            }
        }

        input["robot_load_then_centre"] = CopyDown(input, robotLoad, "robot_load_then_centre", scope);
        input["multi_rotation_scan"] = CopyDown(input, rotation, "multi_rotation_scan", scope);
        return input;
    }

    internal override ParameterModel Complete(BindingScope scope)
    {
        var rotationPath = scope.Field("multi_rotation_scan");
        for (var i = 0; i < MultiRotationScan.RotationScans.Count; i++)
        {
            var sweep = MultiRotationScan.RotationScans[i];
            foreach (var (name, value) in new[] { ("x_start_um", sweep.XStartUm), ("y_start_um", sweep.YStartUm), ("z_start_um", sweep.ZStartUm) })
            {
                // mx-bluesky tests truthiness, so an explicit zero passes.
                if (value is { } start && start != 0)
                {
                    scope.ErrorAt($"{rotationPath}.rotation_scans[{i}].{name}", "start_xyz_with_centring",
                        "Specifying start xyz for sweeps is not supported in combination with centring.", start);
                }
            }
        }

        if (MultiRotationScan.DemandEnergyEv is { } rotationEnergy
            && rotationEnergy != RobotLoadThenCentre.DemandEnergyEv)
        {
            scope.ErrorAt($"{rotationPath}.demand_energy_ev", "different_energies",
                "Setting a different energy for gridscan and rotation is not supported.", rotationEnergy);
        }

        return base.Complete(scope);
    }

    /// <summary>Adjusts a part's JSON schema to the copy-down: the outer-only fields go, and nothing is required of the
    /// part itself, since any of its fields may come from the outer level (sweeps get their sample from there too).</summary>
    internal static void DescribePartSchema(JsonObject partSchema)
    {
        partSchema.Remove("required");
        if (partSchema["properties"] is JsonObject properties)
        {
            foreach (var name in OuterOnlyFields)
            {
                properties.Remove(name);
            }

            if (properties["rotation_scans"]?["items"] is JsonObject sweep)
            {
                sweep.Remove("required");
            }
        }
    }

    /// <summary>The outer level's plain values with the part's own over them, remembering where each came from.</summary>
    private static JsonObject CopyDown(JsonObject outer, JsonObject part, string partName, BindingScope scope)
    {
        var merged = new JsonObject();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var partPath = scope.Field(partName);
        foreach (var (name, value) in outer)
        {
            if (value is not JsonObject)
            {
                merged[name] = value?.DeepClone();
                origins[name] = scope.Field(name);
            }
        }

        foreach (var (name, value) in part)
        {
            merged[name] = value?.DeepClone();
            origins[name] = $"{partPath}.{name}";
        }

        scope.Context.SetOrigins(merged, origins);
        return merged;
    }
}
