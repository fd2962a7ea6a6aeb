using Hyperion.Devices.Signals;
using SkiaSharp;

namespace Hyperion.SimBeamline.Oav;

/// <summary>The twin camera's frames as the MJPG plugin serves them: 8-bit grey JPEGs.</summary>
public static class OavJpeg
{
    /// <summary>The quality the twin encodes at (the MJPG plugin's default is 100; 90 keeps frames small).</summary>
    public const int Quality = 90;

    /// <summary>Encodes <paramref name="image"/> as a greyscale JPEG.</summary>
    public static byte[] Encode(Image2D<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var pixels = image.Pixels as byte[] ?? [.. image.Pixels];
        pixels.CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return data.ToArray();
    }
}
