using SkiaSharp;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// Decodes what an MJPG server hands out for one frame (a JPEG, or any format Skia reads) into the RGB
/// <see cref="SnapshotImage"/> that snapshots are drawn on and saved from: the default decoder of <see cref="Mjpg"/>.
/// </summary>
public static class JpegSnapshotDecoder
{
    /// <summary>Decodes <paramref name="data"/>.</summary>
    /// <exception cref="SnapshotException">The bytes are not an image.</exception>
    public static SnapshotImage Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var info = new SKImageInfo(1, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var codec = SKCodec.Create(new SKMemoryStream(data))
            ?? throw new SnapshotException($"The {data.Length} bytes fetched are not an image Skia can read (they start {Preview(data)}).");
        info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new SnapshotException($"Decoding a {info.Width} × {info.Height} image failed: {result}.");
        }

        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[info.Width * info.Height * 3];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgb[i] = rgba[j];
            rgb[i + 1] = rgba[j + 1];
            rgb[i + 2] = rgba[j + 2];
        }

        return new SnapshotImage(info.Width, info.Height, rgb);
    }

    private static string Preview(byte[] data) => Convert.ToHexString(data, 0, Math.Min(8, data.Length));
}
