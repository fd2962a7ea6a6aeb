using System.Text.Json;
using System.Text.Json.Nodes;
using Hyperion.Cli.Parameters;
using Json.Schema;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class SchemaTests
{
    public static TheoryData<string> ValidFiles => [.. ReferenceFilesTests.Models.Keys];

    public static TheoryData<string> PlanNames => [.. HyperionPlans.All.Select(p => p.PlanName)];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Every_reference_file_conforms_to_its_models_schema(string file)
    {
        var schema = Compile(ParameterSchemas.For(ReferenceFilesTests.Models[file]));
        var result = schema.Evaluate(JsonDocument.Parse(ReferencePaths.ReadParams(file)).RootElement);
        Assert.True(result.IsValid, $"{file} does not conform to its schema");
    }

    [Theory]
    [MemberData(nameof(PlanNames))]
    public void Every_plan_has_a_schema_titled_by_its_model(string plan)
    {
        var schema = ParameterSchemas.ForPlan(plan);
        Assert.Equal(HyperionPlans.Get(plan).ParameterType.Name, schema["title"]!.GetValue<string>());
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        Assert.NotNull(ParameterSchemas.AllPlans()[plan]);
    }

    [Fact]
    public void The_schema_carries_required_fields_limits_patterns_and_defaults()
    {
        var schema = ParameterSchemas.For(typeof(SpecifiedThreeDGridScan));
        var properties = schema["properties"]!;
        var required = schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("visit", required);
        Assert.Contains("x_steps", required);
        Assert.Contains("parameter_model_version", required);
        Assert.DoesNotContain("exposure_time_s", required);
        Assert.Equal(@"BL\d{2}[BIJS]", properties["beamline"]!["pattern"]!.GetValue<string>());
        Assert.Equal("BL03I", properties["beamline"]!["default"]!.GetValue<string>());
        Assert.Equal(0.004, properties["exposure_time_s"]!["default"]!.GetValue<double>());
        Assert.Equal(20, properties["box_size_um"]!["default"]!.GetValue<double>());
        Assert.Equal(600, properties["grid_width_um"]!["default"]!.GetValue<double>());
        Assert.Equal(0, properties["x_steps"]!["exclusiveMinimum"]!.GetValue<double>());
        Assert.Equal(0, properties["y_steps"]!["items"]!["exclusiveMinimum"]!.GetValue<double>());
        Assert.Equal(1, properties["visit"]!["minLength"]!.GetValue<int>());
        Assert.Contains("Mesh3D", properties["ispyb_experiment_type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void The_schema_rejects_what_the_loader_rejects()
    {
        var schema = Compile(ParameterSchemas.For(typeof(GridScanWithEdgeDetect)));
        var document = ParameterRulesTests.Document("good_test_grid_with_edge_detect_parameters.json");
        document["beamline"] = "I03";
        Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(document)).IsValid);
        document = ParameterRulesTests.Document("good_test_grid_with_edge_detect_parameters.json");
        document["parameter_model_version"] = "5.0.0";
        Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(document)).IsValid);
    }

    [Fact]
    public void The_external_form_forbids_unknown_fields_in_its_schema()
    {
        var schema = ParameterSchemas.For(typeof(LoadCentreCollectParams));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        var document = ParameterRulesTests.Document("external_load_centre_collect_params.json");
        document["bogus"] = 1;
        Assert.False(Compile(schema).Evaluate(JsonSerializer.SerializeToElement(document)).IsValid);
    }

    [Fact]
    public void Load_centre_collect_parts_omit_the_outer_fields()
    {
        var part = ParameterSchemas.ForPlan("load_centre_collect_full")["properties"]!["robot_load_then_centre"]!;
        Assert.Null(part["properties"]!["visit"]);
        Assert.Null(part["required"]);
        Assert.NotNull(part["properties"]!["omega_starts_deg"]);
    }

    [Fact]
    public void Centre_selection_is_a_union_tagged_by_name()
    {
        var selection = ParameterSchemas.For(typeof(LoadCentreCollect))["properties"]!["select_centres"]!;
        var tags = selection["anyOf"]!.AsArray().Select(o => o!["properties"]!["name"]!["const"]!.GetValue<string>());
        Assert.Equal(["TopNByMaxCount", "TopNByMaxCountForEachSample"], tags);
        Assert.All(selection["anyOf"]!.AsArray(), o => Assert.Contains("name", o!["required"]!.AsArray().Select(n => n!.GetValue<string>())));
    }

    private static int _compiled;

    // Each schema gets its own registry and base URI, so schemas of different models never collide.
    private static JsonSchema Compile(JsonObject schema) =>
        JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 },
            new Uri($"https://hyperion.test/schema{Interlocked.Increment(ref _compiled)}.json"));
}
