using Hyperion.Nexus.DataFiles;

namespace Hyperion.FakeZocalo.Frames;

/// <summary>One frame as read.</summary>
/// <param name="Index">The 0-based frame index in the collection.</param>
/// <param name="Pixels">The raw counts, row-major (16-bit frames widened to 32 bits).</param>
/// <param name="PixelType">The detector's pixel type.</param>
/// <param name="File">The file the frame was read from (the master, or the data file read without one).</param>
/// <param name="SeenAt">When the reader first found the file holding the frame complete.</param>
public sealed record Frame(int Index, uint[] Pixels, PixelType PixelType, string File, DateTimeOffset SeenAt)
{
    /// <summary>The 1-based frame number.</summary>
    public int Number => Index + 1;
}
