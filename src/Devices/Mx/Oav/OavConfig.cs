namespace Hyperion.Devices.Mx.Oav;

/// <summary>The OAV calibration from the zoom-levels XML alone (dodal's OAVConfig): microns per pixel by zoom.</summary>
/// <param name="zoomParamsFile">The zoom-levels XML file.</param>
public sealed class OavConfig(string zoomParamsFile) : OavConfigBase(zoomParamsFile)
{
    /// <inheritdoc/>
    public override async Task<IReadOnlyDictionary<string, ZoomParams>> GetParametersAsync(CancellationToken cancellationToken = default)
    {
        var microns = await ReadZoomParamsAsync(cancellationToken).ConfigureAwait(false);
        return microns.ToDictionary(z => z.Key, z => new ZoomParams(z.Value.X, z.Value.Y));
    }
}
