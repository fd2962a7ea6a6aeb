using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Parameters;

/// <summary>One sweep of a multi-sweep rotation scan (mx-bluesky's RotationScanPerSweep), with its sample and
/// goniometer starts. Undeclared fields are ignored, as pydantic's default does.</summary>
public sealed record RotationScanPerSweep : ParameterModel, IRotationSweep, IOptionalGonioAngleStarts, IWithSample
{
    /// <inheritdoc/>
    public IReadOnlyList<int> OmegaStartsDeg { get; init; } = [GridscanParamConstants.Omega1, GridscanParamConstants.Omega2];

    /// <inheritdoc/>
    public double? PhiStartDeg { get; init; }

    /// <inheritdoc/>
    public double? ChiStartDeg { get; init; }

    /// <inheritdoc/>
    public double? KappaStartDeg { get; init; }

    /// <inheritdoc/>
    [RequiredField]
    public long SampleId { get; init; }

    /// <inheritdoc/>
    public int? SamplePuck { get; init; }

    /// <inheritdoc/>
    public int? SamplePin { get; init; }

    /// <inheritdoc/>
    public double? XStartUm { get; init; }

    /// <inheritdoc/>
    public double? YStartUm { get; init; }

    /// <inheritdoc/>
    public double? ZStartUm { get; init; }

    /// <inheritdoc/>
    public double OmegaStartDeg { get; init; }

    /// <inheritdoc/>
    public RotationAxis RotationAxis { get; init; } = RotationAxis.Omega;

    /// <inheritdoc/>
    [GreaterThan(0)]
    public double ScanWidthDeg { get; init; } = 360;

    /// <inheritdoc/>
    public RotationDirection RotationDirection { get; init; } = RotationDirection.Negative;

    /// <inheritdoc/>
    [AtLeast(0)]
    public int NexusVdsStartImg { get; init; }
}
