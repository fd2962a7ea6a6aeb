using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// An 8-bit RGB image for OAV snapshots, with the little drawing the grid overlay needs (PIL's ImageDraw.line for
/// horizontal and vertical lines) and a PNG encoder, so snapshots are saved as dodal saves them.
/// </summary>
public sealed class SnapshotImage
{
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly byte[] _rgb;

    /// <summary>Creates a black image.</summary>
    public SnapshotImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 3)])
    {
    }

    /// <summary>Creates an image over <paramref name="rgb"/>: rows top to bottom, three bytes (R, G, B) a pixel.</summary>
    public SnapshotImage(int width, int height, byte[] rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"An RGB image of {width} × {height} needs {width * height * 3} bytes, not {rgb.Length}.", nameof(rgb));
        }

        Width = width;
        Height = height;
        _rgb = rgb;
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>The pixel at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 3;
            return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
    }

    /// <summary>
    /// Draws a one-pixel line from (x1, y1) to (x2, y2), both ends included, in white (PIL's default ink on RGB);
    /// only horizontal and vertical lines, clipped to the image.
    /// </summary>
    /// <exception cref="ArgumentException">The line is neither horizontal nor vertical.</exception>
    public void DrawLine(int x1, int y1, int x2, int y2)
    {
        if (x1 != x2 && y1 != y2)
        {
            throw new ArgumentException($"Only horizontal and vertical lines are drawn, not ({x1}, {y1}) → ({x2}, {y2}).", nameof(x2));
        }

        for (var y = Math.Min(y1, y2); y <= Math.Max(y1, y2); y++)
        {
            for (var x = Math.Min(x1, x2); x <= Math.Max(x1, x2); x++)
            {
                if (x >= 0 && y >= 0 && x < Width && y < Height)
                {
                    var i = ((y * Width) + x) * 3;
                    _rgb[i] = _rgb[i + 1] = _rgb[i + 2] = 255;
                }
            }
        }
    }

    /// <summary>The image as a PNG file (8-bit RGB, no filtering).</summary>
    public byte[] ToPng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (var y = 0; y < Height; y++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(_rgb, y * Width * 3, Width * 3);
                }
            }

            WriteChunk(png, "IDAT", raw.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(word, crc ^ 0xFFFFFFFFu);
        stream.Write(word);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
