namespace Hyperion.Cli.Parameters;

/// <summary>The <see cref="N"/> crystals with the highest max count (<c>"name": "TopNByMaxCount"</c>).</summary>
public sealed record TopNByMaxCountSelection : MultiXtalSelection
{
    /// <summary>How many crystals (<c>n</c>; required).</summary>
    [RequiredField]
    public int N { get; init; }
}
