using System.Text.Json.Serialization;

namespace Hyperion.SimBeamline.Samples;

/// <summary>The pin and loop that hold the crystal: sizes in µm; the loop's centre sits at the tip of the pin.</summary>
public sealed record PinDefinition
{
    /// <summary>The pin's diameter.</summary>
    [JsonPropertyName("pin_diameter_um")]
    public double PinDiameterMicrons { get; init; } = 600;

    /// <summary>The loop's outer diameter.</summary>
    [JsonPropertyName("loop_diameter_um")]
    public double LoopDiameterMicrons { get; init; } = 300;

    /// <summary>How far the loop reaches beyond the pin.</summary>
    [JsonPropertyName("loop_length_um")]
    public double LoopLengthMicrons { get; init; } = 500;

    /// <summary>Throws a <see cref="SampleException"/> naming the first size that is not positive.</summary>
    public void Validate(string path = "pin")
    {
        foreach (var (name, value) in new[] { ("pin_diameter_um", PinDiameterMicrons), ("loop_diameter_um", LoopDiameterMicrons), ("loop_length_um", LoopLengthMicrons) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new SampleException($"{path}.{name}", $"must be a positive size in µm, not {value}");
            }
        }
    }
}
