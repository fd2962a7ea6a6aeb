namespace Hyperion.Cli.Parameters;

/// <summary>Snapshot settings on their own (mx-bluesky's WithSnapshot model, which the OAV snapshot plan takes).</summary>
public sealed record WithSnapshot : ParameterModel, IWithSnapshot
{
    /// <inheritdoc/>
    [RequiredField]
    public string SnapshotDirectory { get; init; } = "";

    /// <inheritdoc/>
    public IReadOnlyList<double>? SnapshotOmegasDeg { get; init; }

    /// <inheritdoc/>
    public bool UseGridSnapshots { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool TakeSnapshots => SnapshotOmegasDeg is { Count: > 0 } || UseGridSnapshots;

    internal override ParameterModel Complete(BindingScope scope)
    {
        SnapshotRules.Check(this, scope);
        return this with { SnapshotDirectory = PosixPath.Normalise(SnapshotDirectory) };
    }
}
