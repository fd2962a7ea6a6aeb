namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// The powder rings of hexagonal ice as DIALS' per-image analysis places them (<c>ice_rings_selection</c>: cctbx's
/// reflections of a = 4.498 Å, c = 7.338 Å in P6₃/mmc, space group 194, whose systematic absences are hh2̄hl and
/// 000l with l odd) and its test for a spot on a ring (<c>PowderRingFilter</c>: |1/d² − ring| &lt; width/2).
/// </summary>
public static class IceRings
{
    private const double A = 4.498;
    private const double C = 7.338;

    // Rings to d = 0.5 Å cover any detector at any energy the twin models.
    private static readonly double[] Rings = Build(4.0);

    /// <summary>The rings' positions in 1/d² (Å⁻²), ascending, out to 1/d² = 4 (d = 0.5 Å).</summary>
    public static IReadOnlyList<double> DStarSquared => Rings;

    /// <summary>Whether a spot at <paramref name="d"/> Å lies on an ice ring <paramref name="width"/> wide (in 1/d²).</summary>
    public static bool Contains(double d, double width)
    {
        var halfWidth = width / 2.0;
        var dStarSquared = 1 / (d * d);
        foreach (var ring in Rings)
        {
            if (Math.Abs(dStarSquared - ring) < halfWidth)
            {
                return true;
            }
        }

        return false;
    }

    private static double[] Build(double maxDStarSquared)
    {
        var rings = new SortedSet<double>();
        var hMax = (int)Math.Ceiling(Math.Sqrt(maxDStarSquared) * A) + 1;
        var lMax = (int)Math.Ceiling(Math.Sqrt(maxDStarSquared) * C) + 1;
        for (var h = 0; h <= hMax; h++)
        {
            for (var k = 0; k <= h; k++)
            {
                for (var l = 0; l <= lMax; l++)
                {
                    // P6₃/mmc's absences: hh2̄hl (h = k here) with l odd, which includes 000l with l odd.
                    if ((h == 0 && k == 0 && l == 0) || (h == k && l % 2 == 1))
                    {
                        continue;
                    }

                    var dStarSquared = (4.0 / 3.0 * ((h * h) + (h * k) + (k * k)) / (A * A)) + ((double)(l * l) / (C * C));
                    if (dStarSquared <= maxDStarSquared)
                    {
                        rings.Add(dStarSquared);
                    }
                }
            }
        }

        return [.. rings];
    }
}
