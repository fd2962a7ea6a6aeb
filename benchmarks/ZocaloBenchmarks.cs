using BenchmarkDotNet.Attributes;
using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;

namespace Hyperion.Benchmarks;

/// <summary>FakeZocalo's per-image analysis under BenchmarkDotNet: the dispersion threshold and the whole analysis of a twin frame.</summary>
[MemoryDiagnoser]
public class ZocaloBenchmarks
{
    private uint[][] _frames = [];
    private DispersionThreshold _threshold = null!;
    private PerImageAnalyser _analyser = null!;
    private readonly List<int> _strong = [];
    private int _next;

    /// <summary>The detector: "16M" or "4M".</summary>
    [Params("16M", "4M")]
    public string Detector { get; set; } = "16M";

    /// <summary>Threads per frame.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var (frames, mask, geometry) = ZocaloWorkloads.Frames(Detector, 4);
        _frames = frames;
        _threshold = ZocaloWorkloads.Threshold(geometry, mask, Threads);
        _analyser = new PerImageAnalyser(geometry, DiffractionWorkloads.Beam, mask, PixelType.UInt32, new SpotFinderSettings { MaxDegreeOfParallelism = Threads, DMax = 40 });
    }

    [Benchmark]
    public int Threshold()
    {
        _strong.Clear();
        _threshold.FindStrongPixels(_frames[_next++ % _frames.Length], PixelType.UInt32, _strong);
        return _strong.Count;
    }

    [Benchmark]
    public int Analyse() => _analyser.Analyse(_frames[_next++ % _frames.Length], "bench.nxs", 1, 0).SpotsTotal;
}
