using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>
/// Typed reads of an event's data. Keys are given as the device readings' names; where mx-bluesky's name differs from
/// ours (its <c>gonio</c> is our <c>smargon</c>) both are tried.
/// </summary>
/// <param name="Event">The event.</param>
/// <param name="DescriptorName">Its descriptor's name, for errors.</param>
public sealed record EventData(Event Event, string DescriptorName)
{
    /// <summary>The raw value of the first key present, or null.</summary>
    /// <param name="keys">Candidate keys, most preferred first.</param>
    public object? Raw(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in Aliases(keys))
        {
            if (Event.Data.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Whether any of the keys is present.</summary>
    /// <param name="keys">Candidate keys.</param>
    public bool Has(params string[] keys) => Aliases(keys).Any(Event.Data.ContainsKey);

    /// <summary>A number, or null when absent.</summary>
    /// <param name="keys">Candidate keys.</param>
    public double? OptionalDouble(params string[] keys) => MetadataReader.Double(Raw(keys));

    /// <summary>A number that must be present.</summary>
    /// <param name="key">The key (plus its aliases).</param>
    public double Double(string key) => OptionalDouble(key) ?? throw Missing(key);

    /// <summary>A string, or null when absent.</summary>
    /// <param name="keys">Candidate keys.</param>
    public string? OptionalString(params string[] keys) => MetadataReader.String(Raw(keys));

    /// <summary>The error for a key that an event lacks.</summary>
    /// <param name="key">The key.</param>
    public EventDataException Missing(string key) => new(DescriptorName, Event.Uid, key);

    private static IEnumerable<string> Aliases(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            yield return key;
            if (key.StartsWith("gonio-", StringComparison.Ordinal))
            {
                yield return "smargon-" + key["gonio-".Length..];
            }
        }
    }
}
