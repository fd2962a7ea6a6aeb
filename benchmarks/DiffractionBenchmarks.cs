using BenchmarkDotNet.Attributes;
using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.Benchmarks;

/// <summary>
/// One synthetic Eiger frame of the thaumatin sample (see <see cref="DiffractionWorkloads"/>), on all cores and on
/// one. Run with <c>-- --filter *Diffraction*</c>.
/// </summary>
[MemoryDiagnoser]
public class DiffractionBenchmarks
{
    private DiffractionRenderer _renderer = null!;
    private DiffractionRenderer _serial = null!;
    private uint[] _wide = [];
    private ushort[] _narrow = [];
    private int _frame;

    /// <summary>The detector: "4M" or "16M".</summary>
    [Params("4M", "16M")]
    public string Detector { get; set; } = "4M";

    /// <summary>Builds the renderers (the reflection list and per-wavelength tables) and the frame buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _renderer = DiffractionWorkloads.Renderer(Detector);
        _serial = DiffractionWorkloads.Renderer(Detector, threads: 1);
        _wide = new uint[_renderer.PixelCount];
        _narrow = new ushort[_renderer.PixelCount];
    }

    /// <summary>A 4 ms grid-scan still, 32-bit.</summary>
    [Benchmark(Baseline = true)]
    public FrameTruth Still32() => _renderer.Render(DiffractionWorkloads.Frame(_frame++, rotation: false), _wide);

    /// <summary>A 4 ms grid-scan still, 16-bit.</summary>
    [Benchmark]
    public FrameTruth Still16() => _renderer.Render(DiffractionWorkloads.Frame(_frame++, rotation: false), _narrow);

    /// <summary>A 0.1° rotation frame, 32-bit.</summary>
    [Benchmark]
    public FrameTruth Rotation32() => _renderer.Render(DiffractionWorkloads.Frame(_frame++, rotation: true), _wide);

    /// <summary>A 4 ms still, 16-bit, on one thread.</summary>
    [Benchmark]
    public FrameTruth Still16OneThread() => _serial.Render(DiffractionWorkloads.Frame(_frame++, rotation: false), _narrow);

    /// <summary>The truth of a 0.1° rotation frame without its pixels.</summary>
    [Benchmark]
    public FrameTruth PredictRotation() => _renderer.Predict(DiffractionWorkloads.Frame(_frame++, rotation: true));
}
