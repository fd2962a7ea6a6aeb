namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// The working lists of one frame's plan, kept per thread and reused: planning a frame then allocates little more
/// than its truth. The spot lists stay in use while the frame is painted, which happens within the same call on
/// the same thread (worker threads only read them).
/// </summary>
internal sealed class FrameScratch
{
    [ThreadStatic]
    private static FrameScratch? _current;

    /// <summary>The windows overlapping the frame.</summary>
    public List<int> Codes { get; } = new(4096);

    /// <summary>The truth as it is found.</summary>
    public List<PredictedReflection> Truth { get; } = new(1024);

    /// <summary>The spots to paint.</summary>
    public List<SpotPlan> Spots { get; } = new(1024);

    /// <summary>The spots' pixel shares.</summary>
    public List<float> Shares { get; } = new(16384);

    /// <summary>This thread's scratch, emptied.</summary>
    public static FrameScratch Take()
    {
        var scratch = _current ??= new FrameScratch();
        scratch.Codes.Clear();
        scratch.Truth.Clear();
        scratch.Spots.Clear();
        scratch.Shares.Clear();
        return scratch;
    }
}
