using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Every reflection's omega windows (see <see cref="EwaldGeometry"/>) at one wavelength, binned so that a frame
/// finds the few hundred reflections near the sphere without testing the hundreds of thousands that are not.
/// Short windows (the usual reflection: a fraction of a degree) sit in 0.25° bins by their start; long ones (near
/// the rotation axis) are entered in every 5° bin they cover. Built once per renderer and wavelength.
/// A window is coded as reflection·2 + window number.
/// </summary>
internal sealed class EwaldWindows
{
    /// <summary>Windows up to this long (degrees) go in the fine bins.</summary>
    private const double FineLimit = 4;
    private const double FineBin = 0.25;
    private const int FineBins = 1440;
    private const double LongBin = 5;
    private const int LongBins = 72;

    private readonly int[] _fineStart;
    private readonly float[] _fineBegin;
    private readonly float[] _fineEnd;
    private readonly int[] _fineCode;
    private readonly int[] _longStart;
    private readonly float[] _longBegin;
    private readonly float[] _longEnd;
    private readonly int[] _longCode;

    public EwaldWindows(ReflectionList reflections, Matrix3 a0, Vector3D axis, Vector3D s0, double wavelength, ExcitationModel excitation, DetectorGeometry detector)
    {
        Wavelength = wavelength;
        var fine = new List<(float Begin, float End, int Code)>(reflections.Count);
        var longWindows = new List<(float Begin, float End, int Code)>();
        for (var i = 0; i < reflections.Count; i++)
        {
            var h = reflections.IndexAt(i);
            var r0 = a0 * new Vector3D(h.H, h.K, h.L);
            var geometry = EwaldGeometry.Compute(r0, axis, s0, wavelength, excitation);
            if (!geometry.HasWindows)
            {
                continue;
            }

            for (var w = 0; w < 2; w++)
            {
                var (begin, end) = geometry.Window(w);
                var shift = Math.Floor(begin / 360) * 360;
                var entry = ((float)(begin - shift), (float)(end - shift), (i * 2) + w);
                if (end - begin > FineLimit)
                {
                    longWindows.Add(entry);
                }
                else if (!geometry.Crosses || MayLandOnDetector(detector, s0, r0, axis, geometry.CrossingDegrees(w), (end - begin) / 2))
                {
                    fine.Add(entry);
                }
            }
        }

        (_fineStart, _fineBegin, _fineEnd, _fineCode) = Bin(fine, FineBins, FineBin, spread: false);
        (_longStart, _longBegin, _longEnd, _longCode) = Bin(longWindows, LongBins, LongBin, spread: true);
    }

    /// <summary>The wavelength (Å).</summary>
    public double Wavelength { get; }

    /// <summary>Adds to <paramref name="codes"/> every window that overlaps omega in [<paramref name="lo"/>, <paramref name="hi"/>] (degrees, hi − lo ≤ 360).</summary>
    public void Overlapping(double lo, double hi, List<int> codes)
    {
        var shift = Math.Floor(lo / 360) * 360;
        var (a, b) = (lo - shift, hi - shift);
        var first = (int)Math.Floor((a - FineLimit) / FineBin);
        var last = (int)Math.Floor(b / FineBin);
        for (var bin = first; bin <= last; bin++)
        {
            var wrapped = Mod(bin, FineBins);
            var offset = (bin - wrapped) / FineBins * 360.0;
            for (var e = _fineStart[wrapped]; e < _fineStart[wrapped + 1]; e++)
            {
                if (_fineBegin[e] + offset <= b && _fineEnd[e] + offset >= a)
                {
                    codes.Add(_fineCode[e]);
                }
            }
        }

        for (var bin = (int)Math.Floor(a / LongBin); bin <= (int)Math.Floor(b / LongBin); bin++)
        {
            var wrapped = Mod(bin, LongBins);
            var offset = (bin - wrapped) / LongBins * 360.0;
            for (var e = _longStart[wrapped]; e < _longStart[wrapped + 1]; e++)
            {
                var (begin, end) = (_longBegin[e] + offset, _longEnd[e] + offset);

                // A long window sits in every bin it covers: take it only in the bin where its overlap begins.
                if (begin <= b && end >= a && (int)Math.Floor(Math.Max(begin, a) / LongBin) == bin)
                {
                    codes.Add(_longCode[e]);
                }
            }
        }
    }

    /// <summary>
    /// Whether a reflection crossing at <paramref name="crossingDegrees"/> can put a spot on the detector anywhere in
    /// its window: most reflections of a small detector never do, and leaving them out of the bins spares every
    /// frame their work. Within its window the diffracted ray turns by at most |r|·λ per radian of omega; the
    /// margin covers that (at the detector's worst obliquity) plus the spot's own size and parallax.
    /// </summary>
    private static bool MayLandOnDetector(DetectorGeometry detector, Vector3D s0, Vector3D r0, Vector3D axis, double crossingDegrees, double halfWindowDegrees)
    {
        var s1 = s0 + (Matrix3.Rotation(axis, crossingDegrees * Math.PI / 180) * r0);
        if (detector.Project(s1) is not var (fast, slow))
        {
            return true;
        }

        var direction = s1.Normalized();
        var cosIncidence = Math.Max(0.05, Math.Abs(Vector3D.Dot(direction, detector.Normal.Normalized())));
        var distance = Math.Abs(Vector3D.Dot(detector.Origin, detector.Normal.Normalized()));
        var turn = halfWindowDegrees * Math.PI / 180 * r0.Length / s0.Length;
        var margin = 16 + (turn * distance / (cosIncidence * cosIncidence * cosIncidence) / detector.PixelSizeMm);
        return fast > -margin && slow > -margin && fast < detector.Width + margin && slow < detector.Height + margin;
    }

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;

    /// <summary>
    /// A counting sort of windows into bins: by their start, or (<paramref name="spread"/>) into every bin they cover,
    /// where a bin beyond the circle holds its window shifted by whole turns.
    /// </summary>
    private static (int[] Start, float[] Begin, float[] End, int[] Code) Bin(List<(float Begin, float End, int Code)> windows, int bins, double width, bool spread)
    {
        static (int First, int Last) Covered((float Begin, float End, int Code) window, int bins, double width, bool spread)
        {
            var first = Math.Min(bins - 1, (int)Math.Floor(window.Begin / width));
            return (first, spread ? (int)Math.Floor(window.End / width) : first);
        }

        var start = new int[bins + 1];
        var total = 0;
        foreach (var window in windows)
        {
            var (first, last) = Covered(window, bins, width, spread);
            for (var bin = first; bin <= last; bin++)
            {
                start[Mod(bin, bins) + 1]++;
                total++;
            }
        }

        for (var i = 0; i < bins; i++)
        {
            start[i + 1] += start[i];
        }

        var next = (int[])start.Clone();
        var begin = new float[total];
        var end = new float[total];
        var code = new int[total];
        foreach (var window in windows)
        {
            var (first, last) = Covered(window, bins, width, spread);
            for (var bin = first; bin <= last; bin++)
            {
                var wrapped = Mod(bin, bins);
                var offset = (float)((bin - wrapped) / bins * 360.0);
                var at = next[wrapped]++;
                (begin[at], end[at], code[at]) = (window.Begin - offset, window.End - offset, window.Code);
            }
        }

        return (start, begin, end, code);
    }
}
