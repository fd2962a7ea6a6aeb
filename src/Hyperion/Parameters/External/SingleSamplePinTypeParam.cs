using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>A pin with one sample (<c>"name": "ssp"</c>): a 600 µm sample area.</summary>
public sealed record SingleSamplePinTypeParam : PinTypeParam
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override int WellCount => 1;

    /// <inheritdoc/>
    [JsonIgnore]
    public override (double TipOffsetUm, double GridWidthUm) TipOffsetAndGridWidth =>
        (GridscanParamConstants.PinWidthUm / 2, GridscanParamConstants.PinWidthUm);
}
