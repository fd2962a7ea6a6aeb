using System.Text.Json;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Experiments.LoadCentreCollect;

/// <summary>
/// Collects X-ray centring results from the documents (mx-bluesky's XRayCentreEventHandler): mx-bluesky's flyscan
/// opens a run whose start document carries them under <c>xray_centre_results</c>. An event in the
/// <c>flyscan_results_obtained</c> stream carrying the same key is read too, for a flyscan that publishes them so.
/// </summary>
public sealed class XRayCentreEventHandler
{
    /// <summary>The metadata key (and run key) of the results.</summary>
    public const string ResultsKey = PlanNames.FlyscanResults;

    private readonly HashSet<string> _resultDescriptors = new(StringComparer.Ordinal);

    /// <summary>The results last published, or null when none have been.</summary>
    public IReadOnlyList<XRayCentreResult>? XRayCentreResults { get; private set; }

    /// <summary>Feeds a document to the handler (subscribe this to the RunEngine).</summary>
    /// <exception cref="XrcResultFormatException">A result is malformed.</exception>
    public void OnDocument(DocumentName name, Document document)
    {
        switch (document)
        {
            case RunStart start when start.Metadata.TryGetValue(ResultsKey, out var results):
                XRayCentreResults = Parse(results);
                break;
            case EventDescriptor descriptor when descriptor.Name == DescriptorNames.FlyscanResults:
                _resultDescriptors.Add(descriptor.Uid);
                break;
            case Event e when _resultDescriptors.Contains(e.Descriptor) && e.Data.TryGetValue(ResultsKey, out var data):
                XRayCentreResults = Parse(data);
                break;
            default:
                break;
        }
    }

    /// <summary>Reads results in any of the shapes metadata takes (CLR lists and dictionaries, or JSON).</summary>
    /// <exception cref="XrcResultFormatException">They are malformed.</exception>
    public static IReadOnlyList<XRayCentreResult> Parse(object? results)
    {
        JsonElement element;
        try
        {
            element = results is JsonElement given ? given : JsonSerializer.SerializeToElement(results);
        }
        catch (NotSupportedException e)
        {
            throw new XrcResultFormatException($"'{ResultsKey}' cannot be read as JSON: {e.Message}", e);
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new XrcResultFormatException($"'{ResultsKey}' must be a list of results, got {element.ValueKind}.");
        }

        var parsed = new List<XRayCentreResult>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            parsed.Add(ParseOne(item, $"{ResultsKey}[{index++}]"));
        }

        return parsed;
    }

    private static XRayCentreResult ParseOne(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new XrcResultFormatException($"{path} must be an object, got {item.ValueKind}.");
        }

        var box = Required(item, "bounding_box_mm", path);
        if (box.ValueKind != JsonValueKind.Array || box.GetArrayLength() != 2)
        {
            throw new XrcResultFormatException($"{path}.bounding_box_mm must be two corners.");
        }

        var sampleId = item.TryGetProperty("sample_id", out var sample) && sample.ValueKind != JsonValueKind.Null
            ? Integer(sample, $"{path}.sample_id")
            : (long?)null;
        return new XRayCentreResult(
            Vector(Required(item, "centre_of_mass_mm", path), $"{path}.centre_of_mass_mm"),
            (Vector(box[0], $"{path}.bounding_box_mm[0]"), Vector(box[1], $"{path}.bounding_box_mm[1]")),
            Integer(Required(item, "max_count", path), $"{path}.max_count"),
            Integer(Required(item, "total_count", path), $"{path}.total_count"),
            sampleId);
    }

    private static JsonElement Required(JsonElement item, string name, string path) =>
        item.TryGetProperty(name, out var value) ? value : throw new XrcResultFormatException($"{path} has no '{name}'.");

    private static long Integer(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && d == Math.Floor(d)
            ? (long)d
            : throw new XrcResultFormatException($"{path} must be a whole number, got {value.GetRawText()}.");

    private static double[] Vector(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3
            || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
        {
            throw new XrcResultFormatException($"{path} must be three numbers (x, y, z), got {value.GetRawText()}.");
        }

        return [.. value.EnumerateArray().Select(v => v.GetDouble())];
    }
}
