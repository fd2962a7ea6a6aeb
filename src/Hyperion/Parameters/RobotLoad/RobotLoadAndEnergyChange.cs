namespace Hyperion.Cli.Parameters;

/// <summary>Parameters of a robot load with an optional energy change alongside (mx-bluesky's
/// RobotLoadAndEnergyChange). Unlike the diffraction experiments, the snapshot directory must be given.</summary>
public sealed record RobotLoadAndEnergyChange
    : MxBlueskyParameters, IWithSample, IWithSnapshot, IWithOptionalEnergyChange, IWithVisit
{
    /// <inheritdoc/>
    [RequiredField]
    public long SampleId { get; init; }

    /// <inheritdoc/>
    public int? SamplePuck { get; init; }

    /// <inheritdoc/>
    public int? SamplePin { get; init; }

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

    /// <inheritdoc/>
    [GreaterThan(0)]
    public double? DemandEnergyEv { get; init; }

    /// <inheritdoc/>
    [MatchesPattern(@"BL\d{2}[BIJS]")]
    public string Beamline { get; init; } = "BL03I";

    /// <inheritdoc/>
    [RequiredField]
    [MinLength(1)]
    public string Visit { get; init; } = "";

    /// <inheritdoc/>
    [GreaterThan(0)]
    public double? DetectorDistanceMm { get; init; }

    internal override ParameterModel Complete(BindingScope scope)
    {
        SnapshotRules.Check(this, scope);
        return this with { SnapshotDirectory = PosixPath.Normalise(SnapshotDirectory) };
    }
}
