using System.Globalization;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// The beam centre as a function of detector distance (dodal's DetectorDistanceToBeamXYConverter): a lookup table
/// of (distance mm, beam x mm, beam y mm) rows, interpolated linearly and extrapolated linearly past either end.
/// </summary>
public sealed class DetDistToBeamXYConverter
{
    private readonly double[] _distances;
    private readonly double[] _beamX;
    private readonly double[] _beamY;

    /// <summary>Builds the converter from rows of (distance, beam x, beam y) in mm, in any order.</summary>
    public DetDistToBeamXYConverter(IEnumerable<(double Distance, double BeamX, double BeamY)> rows, string lookupFile = "")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sorted = rows.OrderBy(r => r.Distance).ToArray();
        if (sorted.Length < 2)
        {
            throw new FormatException($"The beam centre lookup table '{lookupFile}' needs at least two rows, found {sorted.Length}.");
        }

        LookupFile = lookupFile;
        _distances = [.. sorted.Select(r => r.Distance)];
        _beamX = [.. sorted.Select(r => r.BeamX)];
        _beamY = [.. sorted.Select(r => r.BeamY)];
    }

    /// <summary>Where the table came from (empty when built in memory).</summary>
    public string LookupFile { get; }

    /// <summary>Reads a space-delimited table; lines starting '#' or 'Units' are comments, as numpy's loadtxt is told.</summary>
    public static DetDistToBeamXYConverter FromFile(string lookupFile) => Parse(File.ReadAllLines(lookupFile), lookupFile);

    /// <summary>Parses the lines of a lookup table.</summary>
    public static DetDistToBeamXYConverter Parse(IEnumerable<string> lines, string lookupFile = "")
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new List<(double, double, double)>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 3 || !cells.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException($"{lookupFile}:{number}: expected 'distance beam_x beam_y', got '{raw}'.");
            }

            var values = cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            rows.Add((values[0], values[1], values[2]));
        }

        return new DetDistToBeamXYConverter(rows, lookupFile);
    }

    /// <summary>Beam x in mm at <paramref name="detDistMm"/>.</summary>
    public double GetBeamXMm(double detDistMm) => Interpolate(detDistMm, _beamX);

    /// <summary>Beam y in mm at <paramref name="detDistMm"/>.</summary>
    public double GetBeamYMm(double detDistMm) => Interpolate(detDistMm, _beamY);

    /// <summary>Beam x in pixels: mm × <paramref name="imageSizePixels"/> / <paramref name="detDimMm"/>.</summary>
    public double GetBeamXPixels(double detDistance, double imageSizePixels, double detDimMm) =>
        GetBeamXMm(detDistance) * imageSizePixels / detDimMm;

    /// <summary>Beam y in pixels: mm × <paramref name="imageSizePixels"/> / <paramref name="detDimMm"/>.</summary>
    public double GetBeamYPixels(double detDistance, double imageSizePixels, double detDimMm) =>
        GetBeamYMm(detDistance) * imageSizePixels / detDimMm;

    private static string StripComment(string line)
    {
        foreach (var marker in (ReadOnlySpan<string>)["#", "Units"])
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                line = line[..at];
            }
        }

        return line;
    }

    private double Interpolate(double x, double[] ys)
    {
        // The segment containing x, or the first/last segment when x lies outside the table (extrapolation).
        var upper = 1;
        while (upper < _distances.Length - 1 && x > _distances[upper])
        {
            upper++;
        }

        var (x0, x1, y0, y1) = (_distances[upper - 1], _distances[upper], ys[upper - 1], ys[upper]);
        return x1 == x0 ? y0 : y0 + ((x - x0) * (y1 - y0) / (x1 - x0));
    }
}
