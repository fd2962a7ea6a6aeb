namespace Hyperion.FakeZocalo.Service;

/// <summary>How one FakeZocalo process takes part: which roles it runs and how hard it works.</summary>
public sealed record ZocaloServiceOptions
{
    /// <summary>The broker topology (results channel, result TTL).</summary>
    public ZocaloTopology Topology { get; init; } = new();

    /// <summary>Consume <c>processing_recipe</c> (one active dispatcher at a time across processes).</summary>
    public bool Dispatch { get; init; } = true;

    /// <summary>Analyse frames from <c>per_image_analysis</c> (competing with other workers).</summary>
    public bool AnalyseImages { get; init; } = true;

    /// <summary>Reduce per-image results to X-ray centring results (one active reducer at a time).</summary>
    public bool Reduce { get; init; } = true;

    /// <summary>How many frames this process analyses at once.</summary>
    public int ImageConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How long after its start message a frame may take to appear before it counts as missing.</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a start waits for a lower <c>message_index</c> of the same file series before going ahead.</summary>
    public TimeSpan OrderingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a data collection group may go without progress before the reducer abandons it.</summary>
    public TimeSpan GroupTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Mark results <c>"gpu": true</c> in the envelope, as the GPU X-ray centring service does (dodal's ZocaloResults
    /// keeps or drops results by this flag according to how it was built).
    /// </summary>
    public bool MarkResultsGpu { get; init; } = true;

    /// <summary>The centring thresholds (relative 0.25, absolute 0 by default).</summary>
    public Centring.CentringOptions Centring { get; init; } = Hyperion.FakeZocalo.Centring.CentringOptions.Default;
}
