namespace Hyperion.Devices.Signals;

/// <summary>A two-dimensional image in row-major order, as an areaDetector array plugin serves it.</summary>
/// <typeparam name="T">The pixel type.</typeparam>
public sealed record Image2D<T> : IImageShape
    where T : struct
{
    /// <summary>Creates an image; <paramref name="pixels"/> must hold <paramref name="height"/> × <paramref name="width"/> values.</summary>
    public Image2D(int height, int width, T[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if (pixels.Length != height * width)
        {
            throw new ArgumentException($"An image of {height} × {width} needs {height * width} pixels, not {pixels.Length}.", nameof(pixels));
        }

        Height = height;
        Width = width;
        Pixels = pixels;
    }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>The pixels, row after row.</summary>
    public IReadOnlyList<T> Pixels { get; }

    /// <summary>The pixel at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public T this[int row, int column] => Pixels[(row * Width) + column];
}
