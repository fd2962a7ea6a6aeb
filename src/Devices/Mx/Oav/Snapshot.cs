namespace Hyperion.Devices.Mx.Oav;

/// <summary>An OAV snapshot saved as it comes (dodal's Snapshot).</summary>
public sealed class Snapshot : Mjpg
{
    /// <summary>Creates the snapshot device on the MJPG plugin <paramref name="prefix"/>.</summary>
    public Snapshot(string prefix, string name = "", string xSizePv = "ArraySize1_RBV", string ySizePv = "ArraySize2_RBV", HttpClient? httpClient = null, Func<byte[], SnapshotImage>? decoder = null)
        : base(prefix, name, xSizePv, ySizePv, httpClient, decoder)
    {
        SetName(name);
    }

    /// <inheritdoc/>
    protected override Task PostProcessingAsync(SnapshotImage image, CancellationToken cancellationToken) => SaveImageAsync(image, cancellationToken);
}
