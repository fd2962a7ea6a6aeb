using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Running;

/// <summary>The default metadata validator: bluesky's check of 'sample' and event-model's rule on top-level keys.</summary>
public static class MetadataRules
{
    /// <summary>Throws <see cref="MetadataValidationError"/> naming the offending key.</summary>
    public static void Validate(IReadOnlyDictionary<string, object?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var key in metadata.Keys)
        {
            if (key.Length == 0 || key.Contains('.', StringComparison.Ordinal) || key.Contains('/', StringComparison.Ordinal))
            {
                throw new MetadataValidationError(key, "metadata keys must be non-empty and contain neither '.' nor '/' (event-model's RunStart schema).");
            }
        }

        if (metadata.TryGetValue("sample", out var sample) && sample is not (null or string or System.Collections.IDictionary or IReadOnlyDictionary<string, object?>)
            && sample is not System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.String })
        {
            throw new MetadataValidationError("sample",
                "'sample' must be a string or a dictionary, e.g. sample=\"dirt\" or sample={\"color\": \"red\", \"number\": 5}.");
        }

        if (metadata.TryGetValue("scan_id", out var scanId) && scanId is not null && MetadataValues.AsInt64(scanId) is null)
        {
            throw new MetadataValidationError("scan_id", $"scan_id must be an integer, not {scanId}.");
        }
    }
}
