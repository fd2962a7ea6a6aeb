namespace Hyperion.Cli.Parameters;

/// <summary>The <see cref="N"/> crystals with the highest max count on each sample
/// (<c>"name": "TopNByMaxCountForEachSample"</c>).</summary>
public sealed record TopNByMaxCountForEachSampleSelection : MultiXtalSelection
{
    /// <summary>How many crystals per sample (<c>n</c>; required).</summary>
    [RequiredField]
    public int N { get; init; }
}
