using System.Collections.Frozen;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OpenCV image operations pin-tip detection uses (dodal's pin_image_recognition/utils.py), on 8-bit grey
/// images. Morphology uses a k × k rectangle anchored at k / 2 and ignores pixels beyond the border, as OpenCV's
/// default border does; the blurs reflect the border (BORDER_REFLECT_101), the median replicates it. The blurs
/// compute in floating point and round to nearest even, where OpenCV uses fixed point, so a blurred pixel may
/// differ from OpenCV's by one grey level.
/// </summary>
public static class ArrayProcessing
{
    /// <summary>dodal's ARRAY_PROCESSING_FUNCTIONS_MAP: operation number → (iterations, ksize) → operation.</summary>
    public static IReadOnlyDictionary<int, Func<int, int, Func<Image2D<byte>, Image2D<byte>>>> Functions { get; } =
        new Dictionary<int, Func<int, int, Func<Image2D<byte>, Image2D<byte>>>>
        {
            [0] = (iterations, ksize) => image => Erode(image, ksize, iterations),
            [1] = (iterations, ksize) => image => Dilate(image, ksize, iterations),
            [2] = (iterations, ksize) => image => Open(image, ksize, iterations),
            [3] = (iterations, ksize) => image => Close(image, ksize, iterations),
            [4] = (iterations, ksize) => image => Gradient(image, ksize, iterations),
            [5] = (iterations, ksize) => image => TopHat(image, ksize, iterations),
            [6] = (iterations, ksize) => image => BlackHat(image, ksize, iterations),
            [7] = (_, ksize) => image => Blur(image, ksize),
            [8] = (_, ksize) => image => GaussianBlur(image, ksize),
            [9] = (_, ksize) => image => MedianBlur(image, ksize),
            [10] = (_, _) => Identity,
        }.ToFrozenDictionary();

    /// <summary>The image unchanged.</summary>
    public static Image2D<byte> Identity(Image2D<byte> image) => image;

    /// <summary>cv2.erode with a rectangle.</summary>
    public static Image2D<byte> Erode(Image2D<byte> image, int ksize, int iterations) => Morph(image, ksize, iterations, erode: true);

    /// <summary>cv2.dilate with a rectangle.</summary>
    public static Image2D<byte> Dilate(Image2D<byte> image, int ksize, int iterations) => Morph(image, ksize, iterations, erode: false);

    /// <summary>MORPH_OPEN: erode, then dilate.</summary>
    public static Image2D<byte> Open(Image2D<byte> image, int ksize, int iterations) => Dilate(Erode(image, ksize, iterations), ksize, iterations);

    /// <summary>MORPH_CLOSE: dilate, then erode.</summary>
    public static Image2D<byte> Close(Image2D<byte> image, int ksize, int iterations) => Erode(Dilate(image, ksize, iterations), ksize, iterations);

    /// <summary>MORPH_GRADIENT: dilated minus eroded.</summary>
    public static Image2D<byte> Gradient(Image2D<byte> image, int ksize, int iterations) =>
        Subtract(Dilate(image, ksize, iterations), Erode(image, ksize, iterations));

    /// <summary>MORPH_TOPHAT: the image minus its opening.</summary>
    public static Image2D<byte> TopHat(Image2D<byte> image, int ksize, int iterations) => Subtract(image, Open(image, ksize, iterations));

    /// <summary>MORPH_BLACKHAT: the closing minus the image.</summary>
    public static Image2D<byte> BlackHat(Image2D<byte> image, int ksize, int iterations) => Subtract(Close(image, ksize, iterations), image);

    /// <summary>cv2.blur: the mean over a k × k box.</summary>
    public static Image2D<byte> Blur(Image2D<byte> image, int ksize)
    {
        var kernel = Enumerable.Repeat(1.0 / ksize, ksize).ToArray();
        return Separable(image, kernel);
    }

    /// <summary>cv2.GaussianBlur with sigma 0 (from the size); an even size is made odd by adding one, as dodal does.</summary>
    public static Image2D<byte> GaussianBlur(Image2D<byte> image, int ksize) => Separable(image, GaussianKernel(ksize % 2 == 0 ? ksize + 1 : ksize));

    /// <summary>cv2.medianBlur; an even size is made odd by adding one, as dodal does.</summary>
    public static Image2D<byte> MedianBlur(Image2D<byte> image, int ksize)
    {
        ArgumentNullException.ThrowIfNull(image);
        var k = ksize % 2 == 0 ? ksize + 1 : ksize;
        var (h, w, src) = Unpack(image);
        var result = new byte[h * w];
        var window = new byte[k * k];
        var r = k / 2;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var n = 0;
                for (var dy = -r; dy <= r; dy++)
                {
                    for (var dx = -r; dx <= r; dx++)
                    {
                        window[n++] = src[(Math.Clamp(y + dy, 0, h - 1) * w) + Math.Clamp(x + dx, 0, w - 1)];
                    }
                }

                Array.Sort(window);
                result[(y * w) + x] = window[window.Length / 2];
            }
        }

        return new Image2D<byte>(h, w, result);
    }

    /// <summary>
    /// cv2.Canny with a 3 × 3 Sobel and the L1 gradient: non-maximum suppression along the gradient, then
    /// hysteresis (pixels above the higher threshold, and those above the lower joined to them through 8-neighbours).
    /// The thresholds may come in either order. Edges are 255.
    /// </summary>
    public static Image2D<byte> Canny(Image2D<byte> image, double threshold1, double threshold2)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (h, w, src) = Unpack(image);
        var low = (int)Math.Floor(Math.Min(threshold1, threshold2));
        var high = (int)Math.Floor(Math.Max(threshold1, threshold2));
        var dxs = new int[h * w];
        var dys = new int[h * w];
        var mag = new int[h * w];
        int At(int y, int x) => src[(Math.Clamp(y, 0, h - 1) * w) + Math.Clamp(x, 0, w - 1)];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var dx = At(y - 1, x + 1) + (2 * At(y, x + 1)) + At(y + 1, x + 1) - At(y - 1, x - 1) - (2 * At(y, x - 1)) - At(y + 1, x - 1);
                var dy = At(y + 1, x - 1) + (2 * At(y + 1, x)) + At(y + 1, x + 1) - At(y - 1, x - 1) - (2 * At(y - 1, x)) - At(y - 1, x + 1);
                var i = (y * w) + x;
                (dxs[i], dys[i], mag[i]) = (dx, dy, Math.Abs(dx) + Math.Abs(dy));
            }
        }

        int Mag(int y, int x) => y < 0 || y >= h || x < 0 || x >= w ? 0 : mag[(y * w) + x];

        // 0 = not an edge, 1 = weak candidate, 2 = strong edge.
        const int Tg22 = 13573;
        var map = new byte[h * w];
        var stack = new Stack<int>();
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var m = mag[i];
                if (m <= low)
                {
                    continue;
                }

                var xs = dxs[i];
                var ys = dys[i];
                var ax = Math.Abs(xs);
                var ay = (long)Math.Abs(ys) << 15;
                var tg22x = (long)ax * Tg22;
                bool maximum;
                if (ay < tg22x)
                {
                    maximum = m > Mag(y, x - 1) && m >= Mag(y, x + 1);
                }
                else
                {
                    var tg67x = tg22x + ((long)ax << 16);
                    if (ay > tg67x)
                    {
                        maximum = m > Mag(y - 1, x) && m >= Mag(y + 1, x);
                    }
                    else
                    {
                        var s = (xs ^ ys) < 0 ? -1 : 1;
                        maximum = m > Mag(y - 1, x - s) && m > Mag(y + 1, x + s);
                    }
                }

                if (!maximum)
                {
                    continue;
                }

                if (m > high)
                {
                    map[i] = 2;
                    stack.Push(i);
                }
                else
                {
                    map[i] = 1;
                }
            }
        }

        while (stack.TryPop(out var i))
        {
            var (y, x) = (i / w, i % w);
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (ny, nx) = (y + dy, x + dx);
                    if (ny >= 0 && ny < h && nx >= 0 && nx < w && map[(ny * w) + nx] == 1)
                    {
                        map[(ny * w) + nx] = 2;
                        stack.Push((ny * w) + nx);
                    }
                }
            }
        }

        var edges = new byte[h * w];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = map[i] == 2 ? (byte)255 : (byte)0;
        }

        return new Image2D<byte>(h, w, edges);
    }

    private static (int Height, int Width, byte[] Pixels) Unpack(Image2D<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return (image.Height, image.Width, image.Pixels as byte[] ?? [.. image.Pixels]);
    }

    private static Image2D<byte> Morph(Image2D<byte> image, int ksize, int iterations, bool erode)
    {
        var (h, w, pixels) = Unpack(image);
        var anchor = ksize / 2;
        var current = pixels;
        for (var n = 0; n < iterations; n++)
        {
            var rows = new byte[h * w];
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    rows[(y * w) + x] = Extreme(current, erode, Math.Max(0, x - anchor), Math.Min(w - 1, x - anchor + ksize - 1), i => (y * w) + i);
                }
            }

            var result = new byte[h * w];
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    result[(y * w) + x] = Extreme(rows, erode, Math.Max(0, y - anchor), Math.Min(h - 1, y - anchor + ksize - 1), i => (i * w) + x);
                }
            }

            current = result;
        }

        return new Image2D<byte>(h, w, current == pixels ? [.. pixels] : current);
    }

    private static byte Extreme(byte[] data, bool minimum, int from, int to, Func<int, int> index)
    {
        var value = minimum ? byte.MaxValue : byte.MinValue;
        for (var i = from; i <= to; i++)
        {
            var v = data[index(i)];
            value = minimum ? Math.Min(value, v) : Math.Max(value, v);
        }

        return value;
    }

    private static Image2D<byte> Subtract(Image2D<byte> a, Image2D<byte> b)
    {
        var (h, w, pa) = Unpack(a);
        var pb = Unpack(b).Pixels;
        var result = new byte[h * w];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (byte)Math.Max(0, pa[i] - pb[i]);
        }

        return new Image2D<byte>(h, w, result);
    }

    private static double[] GaussianKernel(int ksize)
    {
        // OpenCV's fixed kernels for small sizes when sigma is not given.
        switch (ksize)
        {
            case 1:
                return [1.0];
            case 3:
                return [0.25, 0.5, 0.25];
            case 5:
                return [0.0625, 0.25, 0.375, 0.25, 0.0625];
            case 7:
                return [0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125];
        }

        var sigma = (0.3 * (((ksize - 1) * 0.5) - 1)) + 0.8;
        var kernel = new double[ksize];
        for (var i = 0; i < ksize; i++)
        {
            var d = i - ((ksize - 1) / 2.0);
            kernel[i] = Math.Exp(-(d * d) / (2 * sigma * sigma));
        }

        var sum = kernel.Sum();
        return [.. kernel.Select(k => k / sum)];
    }

    private static Image2D<byte> Separable(Image2D<byte> image, double[] kernel)
    {
        var (h, w, src) = Unpack(image);
        var anchor = kernel.Length / 2;
        var rows = new double[h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sum = 0.0;
                for (var k = 0; k < kernel.Length; k++)
                {
                    sum += kernel[k] * src[(y * w) + Reflect101(x - anchor + k, w)];
                }

                rows[(y * w) + x] = sum;
            }
        }

        var result = new byte[h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sum = 0.0;
                for (var k = 0; k < kernel.Length; k++)
                {
                    sum += kernel[k] * rows[(Reflect101(y - anchor + k, h) * w) + x];
                }

                result[(y * w) + x] = (byte)Math.Clamp(Math.Round(sum), 0, 255);
            }
        }

        return new Image2D<byte>(h, w, result);
    }

    private static int Reflect101(int i, int length)
    {
        if (length == 1)
        {
            return 0;
        }

        while (i < 0 || i >= length)
        {
            i = i < 0 ? -i : (2 * length) - i - 2;
        }

        return i;
    }
}
