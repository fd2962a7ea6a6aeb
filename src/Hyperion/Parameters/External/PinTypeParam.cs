using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>The kind of pin, by <c>name</c>: a single-sample pin (<c>ssp</c>) or a multi-sample pin (<c>msp</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name")]
[JsonDerivedType(typeof(SingleSamplePinTypeParam), "ssp")]
[JsonDerivedType(typeof(MultiSamplePinTypeParam), "msp")]
public abstract record PinTypeParam : ParameterModel
{
    /// <summary>How many wells (samples) the pin holds.</summary>
    [JsonIgnore]
    public abstract int WellCount { get; }

    /// <summary>The pin tip offset for pin-tip centring and the grid width for this pin, µm (mx-bluesky's
    /// pin_type_to_tip_offset_and_grid_width): half and all of the sample area's width.</summary>
    [JsonIgnore]
    public abstract (double TipOffsetUm, double GridWidthUm) TipOffsetAndGridWidth { get; }
}
