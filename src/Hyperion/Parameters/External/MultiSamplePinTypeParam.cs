using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>A pin with several wells along it (<c>"name": "msp"</c>).</summary>
public sealed record MultiSamplePinTypeParam : PinTypeParam
{
    /// <summary>The number of wells (<c>wells</c>; required).</summary>
    [RequiredField]
    public int Wells { get; init; }

    /// <summary>The spacing of the wells, µm (<c>well_size_um</c>; required).</summary>
    [RequiredField]
    public double WellSizeUm { get; init; }

    /// <summary>From the pin tip to the first well, µm (<c>tip_to_first_well_um</c>; required).</summary>
    [RequiredField]
    public double TipToFirstWellUm { get; init; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override int WellCount => Wells;

    /// <summary>The gaps between wells plus the tip-to-first-well margin at both ends, halved for the tip offset.</summary>
    [JsonIgnore]
    public override (double TipOffsetUm, double GridWidthUm) TipOffsetAndGridWidth
    {
        get
        {
            var fullWidth = ((Wells - 1) * WellSizeUm) + (2 * TipToFirstWellUm);
            return (fullWidth / 2, fullWidth);
        }
    }
}
