namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Where an Eiger's pixels are: modules of 1028 × 512 pixels (fast × slow), 12 pixels apart along fast and 38 along
/// slow (the 16M: 4 × 8 modules, 4148 × 4362; its 4M ROI: 2 × 4, 2068 × 2162). Pixels between modules record
/// nothing; a detector whose size is not a whole number of modules is one gap-free module.
/// </summary>
public sealed class EigerModuleLayout
{
    /// <summary>An Eiger module's width (fast pixels).</summary>
    public const int ModuleWidth = 1028;

    /// <summary>An Eiger module's height (slow pixels).</summary>
    public const int ModuleHeight = 512;

    /// <summary>The gap between module columns (fast pixels).</summary>
    public const int GapFast = 12;

    /// <summary>The gap between module rows (slow pixels).</summary>
    public const int GapSlow = 38;

    private readonly bool[] _gapRow;
    private readonly bool[] _gapColumn;

    private EigerModuleLayout(int width, int height, bool modular)
    {
        Width = width;
        Height = height;
        var columns = modular ? (width + GapFast) / (ModuleWidth + GapFast) : 1;
        var rows = modular ? (height + GapSlow) / (ModuleHeight + GapSlow) : 1;
        ModuleColumns = columns;
        ModuleRows = rows;
        Columns = [.. Enumerable.Range(0, columns).Select(c => modular ? (c * (ModuleWidth + GapFast), (c * (ModuleWidth + GapFast)) + ModuleWidth) : (0, width))];
        ActiveColumnRanges = Array.AsReadOnly(Columns);
        ActiveRowRanges = [.. Enumerable.Range(0, rows).Select(r => modular ? (r * (ModuleHeight + GapSlow), (r * (ModuleHeight + GapSlow)) + ModuleHeight) : (0, height))];
        _gapColumn = Mark(width, Columns);
        _gapRow = Mark(height, ActiveRowRanges);
    }

    /// <summary>The detector's width (fast pixels).</summary>
    public int Width { get; }

    /// <summary>The detector's height (slow pixels).</summary>
    public int Height { get; }

    /// <summary>Modules along fast.</summary>
    public int ModuleColumns { get; }

    /// <summary>Modules along slow.</summary>
    public int ModuleRows { get; }

    /// <summary>The fast-pixel ranges [Start, End) that modules cover.</summary>
    public IReadOnlyList<(int Start, int End)> ActiveColumnRanges { get; }

    /// <summary>The slow-pixel ranges [Start, End) that modules cover.</summary>
    public IReadOnlyList<(int Start, int End)> ActiveRowRanges { get; }

    /// <summary>
    /// The layout of a <paramref name="width"/> × <paramref name="height"/> Eiger: modules and gaps when both sizes
    /// are whole numbers of modules (and <paramref name="gaps"/> is set), else one gap-free module.
    /// </summary>
    public static EigerModuleLayout For(int width, int height, bool gaps = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var modular = gaps && (width + GapFast) % (ModuleWidth + GapFast) == 0 && (height + GapSlow) % (ModuleHeight + GapSlow) == 0;
        return new EigerModuleLayout(width, height, modular);
    }

    /// <summary>Whether pixel (<paramref name="fast"/>, <paramref name="slow"/>) lies between modules (or off the detector).</summary>
    public bool IsGap(int fast, int slow) =>
        (uint)fast >= (uint)Width || (uint)slow >= (uint)Height || _gapColumn[fast] || _gapRow[slow];

    /// <summary>Whether the whole row <paramref name="slow"/> lies between module rows.</summary>
    public bool IsGapRow(int slow) => (uint)slow >= (uint)Height || _gapRow[slow];

    /// <summary>Whether the whole column <paramref name="fast"/> lies between module columns.</summary>
    public bool IsGapColumn(int fast) => (uint)fast >= (uint)Width || _gapColumn[fast];

    /// <summary>The column ranges as an array: painting rows walks it without an enumerator per row.</summary>
    internal (int Start, int End)[] Columns { get; }

    /// <summary>The number of pixels on modules.</summary>
    public long ActivePixels => (long)ActiveColumnRanges.Sum(r => r.End - r.Start) * ActiveRowRanges.Sum(r => r.End - r.Start);

    private static bool[] Mark(int length, IReadOnlyList<(int Start, int End)> active)
    {
        var gap = new bool[length];
        Array.Fill(gap, true);
        foreach (var (start, end) in active)
        {
            Array.Fill(gap, false, start, end - start);
        }

        return gap;
    }
}
