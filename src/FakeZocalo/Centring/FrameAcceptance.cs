namespace Hyperion.FakeZocalo.Centring;

/// <summary>What <see cref="GridCompletion"/> did with one per-image result.</summary>
public enum FrameAcceptance
{
    /// <summary>The frame was new; its count was recorded.</summary>
    Added,

    /// <summary>The frame had already been seen; the first count stands and the frame is not counted again.</summary>
    Duplicate,
}
