using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Tests.Centring;

/// <summary>Builds grids from a picture of their rows (row y, column x), in each acquisition order.</summary>
internal static class Grids
{
    /// <summary>Horizontal grid: rows acquired along x, odd rows reversed when snaked.</summary>
    public static GridSpotCounts Horizontal(long dcid, int[][] rows, bool snaked = false)
    {
        var counts = new List<int>();
        for (var y = 0; y < rows.Length; y++)
        {
            var row = rows[y].ToArray();
            if (snaked && y % 2 == 1)
            {
                Array.Reverse(row);
            }

            counts.AddRange(row);
        }

        return new GridSpotCounts(dcid, rows[0].Length, rows.Length, GridOrientation.Horizontal, snaked, counts);
    }

    /// <summary>Vertical grid: columns acquired along y, odd columns reversed when snaked.</summary>
    public static GridSpotCounts Vertical(long dcid, int[][] rows, bool snaked = false)
    {
        var stepsX = rows[0].Length;
        var counts = new List<int>();
        for (var x = 0; x < stepsX; x++)
        {
            var column = rows.Select(r => r[x]).ToArray();
            if (snaked && x % 2 == 1)
            {
                Array.Reverse(column);
            }

            counts.AddRange(column);
        }

        return new GridSpotCounts(dcid, stepsX, rows.Length, GridOrientation.Vertical, snaked, counts);
    }

    public static int[][] Zeros(int stepsX, int stepsY) => [.. Enumerable.Range(0, stepsY).Select(_ => new int[stepsX])];
}
