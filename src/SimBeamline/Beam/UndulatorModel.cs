using System.Globalization;

namespace Hyperion.SimBeamline.Beam;

/// <summary>
/// The undulator's tuning: the gap lookup table dodal's undulator reads (energy in eV against the gap, in mm, that
/// puts the harmonic in use at that energy), and how much of the peak flux reaches the monochromator's energy from
/// the gap actually set. The harmonic's spectral line, broadened by the ring's energy spread and emittance, is taken
/// as a Gaussian in relative detuning of full width <see cref="RelativeLineWidth"/>: a gap that puts the harmonic
/// 1.5% away from the DCM's energy passes half the flux, one 0.1 mm off (≈3% at 12.7 keV) almost none.
/// </summary>
public sealed class UndulatorModel
{
    private readonly double[] _energiesEv;
    private readonly double[] _gapsMm;

    /// <summary>The model for a table of <paramref name="energiesEv"/> against <paramref name="gapsMm"/> (both increasing).</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, or a column that does not increase.</exception>
    public UndulatorModel(IReadOnlyList<double> energiesEv, IReadOnlyList<double> gapsMm)
    {
        ArgumentNullException.ThrowIfNull(energiesEv);
        ArgumentNullException.ThrowIfNull(gapsMm);
        if (energiesEv.Count != gapsMm.Count || energiesEv.Count < 2)
        {
            throw new ArgumentException($"An undulator gap table needs two or more rows of energy and gap; got {energiesEv.Count} energies and {gapsMm.Count} gaps.", nameof(energiesEv));
        }

        for (var i = 1; i < energiesEv.Count; i++)
        {
            if (!(energiesEv[i] > energiesEv[i - 1]) || !(gapsMm[i] > gapsMm[i - 1]))
            {
                throw new ArgumentException($"The undulator gap table must increase in both energy and gap; row {i + 1} ({energiesEv[i]} eV, {gapsMm[i]} mm) does not.", nameof(energiesEv));
            }
        }

        _energiesEv = [.. energiesEv];
        _gapsMm = [.. gapsMm];
    }

    /// <summary>The harmonic line's full width at half maximum, relative to its energy.</summary>
    public double RelativeLineWidth { get; init; } = 0.015;

    /// <summary>
    /// Reads a table as dodal does (numpy.loadtxt with comments "#" and "Units"): two numbers a row, energy in eV then
    /// gap in mm.
    /// </summary>
    /// <exception cref="FormatException">A row is not two numbers (its line number is given).</exception>
    public static UndulatorModel Parse(string text, string source = "undulator gap table")
    {
        ArgumentNullException.ThrowIfNull(text);
        var (energies, gaps) = (new List<double>(), new List<double>());
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var comment in new[] { "#", "Units" })
            {
                var at = line.IndexOf(comment, StringComparison.Ordinal);
                line = at >= 0 ? line[..at] : line;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length != 2
                || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var energy)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var gap))
            {
                throw new FormatException($"{source}, line {i + 1}: expected an energy (eV) and a gap (mm), got '{lines[i].Trim()}'.");
            }

            energies.Add(energy);
            gaps.Add(gap);
        }

        return new UndulatorModel(energies, gaps);
    }

    /// <summary>The gap (mm) for <paramref name="energyKev"/>, interpolated as dodal's np.interp does (clamped at the ends).</summary>
    public double GapFor(double energyKev) => Interpolate(energyKev * 1000, _energiesEv, _gapsMm);

    /// <summary>The energy (keV) the harmonic is at for <paramref name="gapMm"/>.</summary>
    /// <remarks>Beyond the table the nearest rows' slope carries on, so that a gap far off the table detunes.</remarks>
    public double TunedEnergyKev(double gapMm) => Extrapolate(gapMm, _gapsMm, _energiesEv) / 1000;

    /// <summary>The share of the peak flux at <paramref name="energyKev"/> with the gap at <paramref name="gapMm"/>: 1 when tuned.</summary>
    public double FluxFactor(double gapMm, double energyKev)
    {
        if (!double.IsFinite(gapMm) || !double.IsFinite(energyKev) || energyKev <= 0)
        {
            return 0;
        }

        var tuned = TunedEnergyKev(gapMm);
        if (tuned <= 0)
        {
            return 0;
        }

        var detuning = (energyKev - tuned) / tuned;
        return Math.Exp(-4 * Math.Log(2) * detuning * detuning / (RelativeLineWidth * RelativeLineWidth));
    }

    private static double Interpolate(double x, double[] xs, double[] ys)
    {
        if (x <= xs[0])
        {
            return ys[0];
        }

        if (x >= xs[^1])
        {
            return ys[^1];
        }

        return Extrapolate(x, xs, ys);
    }

    private static double Extrapolate(double x, double[] xs, double[] ys)
    {
        var i = Array.BinarySearch(xs, x);
        if (i >= 0)
        {
            return ys[i];
        }

        // The segment holding x, or the end segment nearest it.
        var upper = Math.Clamp(~i, 1, xs.Length - 1);
        var (x0, x1, y0, y1) = (xs[upper - 1], xs[upper], ys[upper - 1], ys[upper]);
        return y0 + ((x - x0) * (y1 - y0) / (x1 - x0));
    }
}
