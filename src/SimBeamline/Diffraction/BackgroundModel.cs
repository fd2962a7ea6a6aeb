using System.Numerics;
using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// The smooth mean background, per incident photon, on a grid of nodes every <see cref="Step"/> pixels (linear
/// interpolation between nodes is far finer than anything in the model varies): the pixel's solid angle, times
/// the scatter per steradian at its q = 1/d (air falling as 1/(1 + (q/q₀)²), a Gaussian water ring, a flat
/// floor), times the polarisation factor and the sensor's absorption efficiency. Built once per renderer and
/// wavelength, for any detector orientation.
/// </summary>
internal sealed class BackgroundModel
{
    /// <summary>Pixels between nodes (a power of two: a pixel's node is its index shifted right).</summary>
    public const int Step = 16;

    /// <summary>log₂ <see cref="Step"/>.</summary>
    public const int StepShift = 4;

    private readonly float[] _nodes;

    public BackgroundModel(DetectorGeometry detector, double wavelength, DiffractionOptions options, double? sensorMu, EigerModuleLayout modules)
    {
        Wavelength = wavelength;
        NodesX = ((detector.Width - 1) >> StepShift) + 2;
        NodesY = ((detector.Height - 1) >> StepShift) + 2;
        _nodes = new float[NodesX * NodesY];
        var normal = detector.Normal.Normalized();
        var ringQ = 1 / options.WaterRingDSpacing;
        var ringWidth = options.WaterRingWidthInverseAngstrom;
        var pixelArea = detector.PixelSizeMm * detector.PixelSizeMm;
        var polarised = options.PolarizationFraction;
        for (var j = 0; j < NodesY; j++)
        {
            for (var i = 0; i < NodesX; i++)
            {
                var position = detector.LabPosition((i << StepShift) + 0.5, (j << StepShift) + 0.5);
                var distance = position.Length;
                var direction = position / distance;
                var cosIncidence = Math.Abs(Vector3D.Dot(direction, normal));
                var solidAngle = pixelArea * cosIncidence / (distance * distance);
                var cos2Theta = Math.Clamp(Vector3D.Dot(direction, BeamGeometry.Direction), -1, 1);
                var q = 2 * Math.Sqrt((1 - cos2Theta) / 2) / wavelength;
                var air = options.AirScatterPerSteradian / (1 + Math.Pow(q / options.AirScatterWidthInverseAngstrom, 2));
                var water = options.WaterRingPerSteradian * Math.Exp(-Math.Pow(q - ringQ, 2) / (2 * ringWidth * ringWidth));
                var scatter = air + water + options.BackgroundFloorPerSteradian;
                var polarisation = 1 - (polarised * direction.X * direction.X) - ((1 - polarised) * direction.Y * direction.Y);
                var efficiency = sensorMu is { } mu ? SensorAbsorption.Efficiency(mu, detector.SensorThicknessMm, cosIncidence) : 1;
                _nodes[(j * NodesX) + i] = (float)(solidAngle * scatter * polarisation * efficiency);
            }
        }

        MeanCountsPerPhoton = ActiveSum(modules);
    }

    /// <summary>The wavelength (Å).</summary>
    public double Wavelength { get; }

    /// <summary>Nodes along fast.</summary>
    public int NodesX { get; }

    /// <summary>Nodes along slow.</summary>
    public int NodesY { get; }

    /// <summary>The mean background counts over all active pixels, per incident photon.</summary>
    public double MeanCountsPerPhoton { get; }

    /// <summary>Fills <paramref name="row"/> (<see cref="NodesX"/> long) with the node values interpolated to pixel row <paramref name="slow"/>, times <paramref name="scale"/>.</summary>
    public void InterpolateRow(int slow, double scale, Span<float> row)
    {
        var j = slow >> StepShift;
        var t = (float)((slow & (Step - 1)) / (double)Step);
        var upper = _nodes.AsSpan(j * NodesX, NodesX);
        var lower = _nodes.AsSpan((j + 1) * NodesX, NodesX);
        var (a, b) = ((float)(scale * (1 - t)), (float)(scale * t));
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (va, vb) = (new Vector<float>(a), new Vector<float>(b));
            for (; i <= NodesX - Vector<float>.Count; i += Vector<float>.Count)
            {
                ((va * new Vector<float>(upper[i..])) + (vb * new Vector<float>(lower[i..]))).CopyTo(row[i..]);
            }
        }

        for (; i < NodesX; i++)
        {
            row[i] = (a * upper[i]) + (b * lower[i]);
        }
    }

    private double ActiveSum(EigerModuleLayout modules)
    {
        Span<float> row = new float[NodesX];
        var sum = 0.0;
        foreach (var (rowStart, rowEnd) in modules.ActiveRowRanges)
        {
            for (var y = rowStart; y < rowEnd; y++)
            {
                InterpolateRow(y, 1, row);
                foreach (var (start, end) in modules.Columns)
                {
                    for (var x = start; x < end; x++)
                    {
                        var node = x >> StepShift;
                        sum += row[node] + ((row[node + 1] - row[node]) * (x & (Step - 1)) / Step);
                    }
                }
            }
        }

        return sum;
    }
}
