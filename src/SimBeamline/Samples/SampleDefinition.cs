using System.Text.Json;
using System.Text.Json.Serialization;
using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Samples;

/// <summary>
/// The sample the twin simulates (a JSON sample file): the pin and loop, the crystal, and the seed that makes
/// every random choice (orientation, noise) repeatable. <see cref="Thaumatin"/> is the default.
/// </summary>
public sealed record SampleDefinition
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>A name for the sample.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "sample";

    /// <summary>The seed for every random choice.</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; init; } = 1;

    /// <summary>The pin and loop.</summary>
    [JsonPropertyName("pin")]
    public PinDefinition Pin { get; init; } = new();

    /// <summary>The crystal.</summary>
    [JsonPropertyName("crystal")]
    public required CrystalDefinition Crystal { get; init; }

    /// <summary>Thaumatin (P41212, a = b = 57.8 Å, c = 150.0 Å): a 50 × 40 × 30 µm crystal near the loop's centre.</summary>
    public static SampleDefinition Thaumatin => new()
    {
        Name = "thaumatin",
        Seed = 2026,
        Crystal = new CrystalDefinition
        {
            SizeMicrons = new Vector3D(50, 40, 30),
            PositionMm = new Vector3D(0.02, -0.01, 0.0),
            UnitCell = new UnitCell(57.8, 57.8, 150.0, 90, 90, 90),
            SpaceGroup = "P41212",
            MosaicityDegrees = 0.05,
            ResolutionLimitAngstrom = 1.6,
        },
    };

    /// <summary>Throws a <see cref="SampleException"/> naming the first field that cannot be simulated.</summary>
    public void Validate()
    {
        Pin.Validate();
        Crystal.Validate();
    }

    /// <summary>The sample as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads and validates a sample from JSON; errors name the field, with line and position for syntax.</summary>
    /// <exception cref="SampleException">The JSON is malformed, has unknown or missing fields, or a value cannot be simulated.</exception>
    public static SampleDefinition FromJson(string json, string source = "sample")
    {
        SampleDefinition? sample;
        try
        {
            sample = JsonSerializer.Deserialize<SampleDefinition>(json, Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : string.Empty;
            throw new SampleException(e.Path is { Length: > 0 } p ? $"{source} {p}" : source, $"{e.Message.Split(". Path:")[0]}{where}", e);
        }

        if (sample is null)
        {
            throw new SampleException(source, "is empty (null)");
        }

        sample.Validate();
        return sample;
    }

    /// <summary>Reads a sample file.</summary>
    public static SampleDefinition Load(string path) => FromJson(File.ReadAllText(path), path);
}
