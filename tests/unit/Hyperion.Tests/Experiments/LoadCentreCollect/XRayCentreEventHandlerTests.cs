using System.Text.Json;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Tests.Experiments.LoadCentreCollect;

public sealed class XRayCentreEventHandlerTests
{
    private static RunStart Start(object? results) => new()
    {
        Uid = "start",
        Time = 1,
        Metadata = new Dictionary<string, object?>(StringComparer.Ordinal) { ["xray_centre_results"] = results },
    };

    [Fact]
    public void Results_in_a_run_start_are_read_as_mx_bluesky_writes_them()
    {
        var handler = new XRayCentreEventHandler();
        var result = CentreSelectionTests.Result(12, 5);

        handler.OnDocument(DocumentName.Start, Start(new List<object?> { result.ToMetadata() }));

        Assert.Equal(result, Assert.Single(handler.XRayCentreResults!));
    }

    [Fact]
    public void Results_read_back_from_json_parse_the_same()
    {
        var handler = new XRayCentreEventHandler();
        var json = JsonDocument.Parse("""
            [{"centre_of_mass_mm": [1, 2, 3], "bounding_box_mm": [[0, 1, 2], [2, 3, 4]], "max_count": 105062,
              "total_count": 2387574, "sample_id": null}]
            """).RootElement;

        handler.OnDocument(DocumentName.Start, Start(json));

        var result = Assert.Single(handler.XRayCentreResults!);
        Assert.Null(result.SampleId);
        Assert.Equal([1.0, 2.0, 3.0], result.CentreOfMassMm);
        Assert.Equal(105062, result.MaxCount);
    }

    [Fact]
    public void Results_in_a_flyscan_results_event_are_read_too()
    {
        var handler = new XRayCentreEventHandler();
        handler.OnDocument(DocumentName.Descriptor, new EventDescriptor { Uid = "d1", Time = 1, RunStartUid = "s", Name = DescriptorNames.FlyscanResults });
        handler.OnDocument(DocumentName.Descriptor, new EventDescriptor { Uid = "d2", Time = 1, RunStartUid = "s", Name = "other" });

        handler.OnDocument(DocumentName.Event, Event("d2", CentreSelectionTests.Result(1, 1)));
        Assert.Null(handler.XRayCentreResults);
        handler.OnDocument(DocumentName.Event, Event("d1", CentreSelectionTests.Result(2, 1)));

        Assert.Equal(2, Assert.Single(handler.XRayCentreResults!).MaxCount);
    }

    [Fact]
    public void Starts_without_results_leave_them_unset()
    {
        var handler = new XRayCentreEventHandler();

        handler.OnDocument(DocumentName.Start, new RunStart { Uid = "s", Time = 1 });

        Assert.Null(handler.XRayCentreResults);
    }

    [Theory]
    [InlineData("{}", "must be a list")]
    [InlineData("""[{"bounding_box_mm": [[0,0,0],[1,1,1]], "max_count": 1, "total_count": 1}]""", "has no 'centre_of_mass_mm'")]
    [InlineData("""[{"centre_of_mass_mm": [1, 2], "bounding_box_mm": [[0,0,0],[1,1,1]], "max_count": 1, "total_count": 1}]""", "centre_of_mass_mm must be three numbers")]
    [InlineData("""[{"centre_of_mass_mm": [1, 2, 3], "bounding_box_mm": [[0,0,0]], "max_count": 1, "total_count": 1}]""", "must be two corners")]
    [InlineData("""[{"centre_of_mass_mm": [1, 2, 3], "bounding_box_mm": [[0,0,0],[1,1,1]], "max_count": 1.5, "total_count": 1}]""", "max_count must be a whole number")]
    public void Malformed_results_are_reported_with_the_field(string json, string expected)
    {
        var error = Assert.Throws<XrcResultFormatException>(() => XRayCentreEventHandler.Parse(JsonDocument.Parse(json).RootElement));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Event Event(string descriptor, XRayCentreResult result) => new()
    {
        Uid = Guid.NewGuid().ToString(),
        Time = 1,
        Descriptor = descriptor,
        SeqNum = 1,
        Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["xray_centre_results"] = new List<object?> { result.ToMetadata() } },
        Timestamps = new Dictionary<string, double>(StringComparer.Ordinal),
    };
}
