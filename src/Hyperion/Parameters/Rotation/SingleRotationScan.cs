using System.Text.Json.Serialization;
using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Parameters;

/// <summary>Parameters of <c>rotation_scan</c>: one sweep on one sample (mx-bluesky's SingleRotationScan).</summary>
public sealed record SingleRotationScan : RotationExperiment, IRotationSweep, IOptionalGonioAngleStarts, IWithSample
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

    /// <summary>Images in the sweep: the width over the increment, truncated.</summary>
    [JsonIgnore]
    public override int NumImages => ImagesIn(ScanWidthDeg);

    /// <summary>Each image's angle, degrees, in the application's frame (before any omega flip).</summary>
    [JsonIgnore]
    public IReadOnlyList<double> ScanPoints =>
        ScanLine.Midpoints(OmegaStartDeg, OmegaStartDeg + (ScanWidthDeg - RotationIncrementDeg), NumImages);

    /// <summary>The detector settings: one trigger for all the sweep's images.</summary>
    [JsonIgnore]
    public override DetectorParams DetectorParams => CreateDetectorParams(OmegaStartDeg, NumImages, 1);
}
