namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Two fields of one zebra mapping share an integer (dodal raises ValueError).</summary>
public sealed class DuplicateZebraMappingException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="model"/> with its <paramref name="duplicates"/>.</summary>
    public DuplicateZebraMappingException(string model, IReadOnlyList<KeyValuePair<string, int>> duplicates)
        : base($"Each field in {model} must be mapped to a unique integer. Duplicate fields: {{{string.Join(", ", (duplicates ?? []).Select(d => $"'{d.Key}': {d.Value}"))}}}")
    {
        Model = model;
        Duplicates = duplicates ?? [];
    }

    /// <summary>The mapping type.</summary>
    public string Model { get; }

    /// <summary>Every field whose value another field also has, with the value.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Duplicates { get; }
}
