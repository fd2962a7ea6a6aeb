namespace Hyperion.Cli.Parameters;

/// <summary>A diffraction experiment on a known sample (mx-bluesky's DiffractionExperimentWithSample).</summary>
public abstract record DiffractionExperimentWithSample : DiffractionExperiment, IWithSample
{
    /// <inheritdoc/>
    [RequiredField]
    public long SampleId { get; init; }

    /// <inheritdoc/>
    public int? SamplePuck { get; init; }

    /// <inheritdoc/>
    public int? SamplePin { get; init; }
}
