using System.Globalization;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// A lookup table of undulator gap (mm) against beam energy (eV), as dodal's energy_distance_table reads it with
/// numpy.loadtxt: whitespace-separated numbers, one row a line, anything after "#" or "Units" on a line ignored,
/// blank lines skipped, every row the same width. Gaps between rows are interpolated linearly (numpy.interp),
/// clamped to the first and last rows outside the table.
/// </summary>
public sealed class EnergyDistanceTable
{
    private static readonly string[] Comments = ["#", "Units"];
    private readonly double[][] _rows;

    private EnergyDistanceTable(double[][] rows) => _rows = rows;

    /// <summary>The rows, each energy (eV) first and gap (mm) second, then any further columns.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rows => _rows;

    /// <summary>Reads the table at <paramref name="path"/> (read afresh each time, as dodal does).</summary>
    public static async Task<EnergyDistanceTable> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static EnergyDistanceTable Parse(string text, string source = "lookup table")
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<double[]>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var marker in Comments)
            {
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    line = line[..at];
                }
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var row = new double[fields.Length];
            for (var j = 0; j < fields.Length; j++)
            {
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out row[j]))
                {
                    throw new FormatException($"{source}, line {i + 1}: could not convert '{fields[j]}' to a number.");
                }
            }

            if (rows.Count > 0 && rows[0].Length != row.Length)
            {
                throw new FormatException($"{source}, line {i + 1}: the number of columns changed from {rows[0].Length} to {row.Length}.");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{source} has no rows.");
        }

        if (rows[0].Length < 2)
        {
            throw new FormatException($"{source} needs an energy and a gap column; it has {rows[0].Length}.");
        }

        return new EnergyDistanceTable([.. rows]);
    }

    /// <summary>The gap (mm) for <paramref name="energyEv"/> (numpy.interp over the energy and gap columns).</summary>
    public double GapForEnergy(double energyEv) => Interpolate(energyEv, _rows.Select(r => r[0]).ToArray(), _rows.Select(r => r[1]).ToArray());

    /// <summary>numpy.interp: linear between the points, the end values outside them; <paramref name="xp"/> increasing.</summary>
    public static double Interpolate(double x, IReadOnlyList<double> xp, IReadOnlyList<double> fp)
    {
        ArgumentNullException.ThrowIfNull(xp);
        ArgumentNullException.ThrowIfNull(fp);
        if (xp.Count == 0 || xp.Count != fp.Count)
        {
            throw new ArgumentException($"interpolation needs as many values ({fp.Count}) as points ({xp.Count}), at least one.", nameof(fp));
        }

        if (x <= xp[0])
        {
            return fp[0];
        }

        if (x >= xp[^1])
        {
            return fp[^1];
        }

        var low = 0;
        var high = xp.Count - 1;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (xp[middle] <= x)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var slope = (fp[high] - fp[low]) / (xp[high] - xp[low]);
        return fp[low] + (slope * (x - xp[low]));
    }
}
