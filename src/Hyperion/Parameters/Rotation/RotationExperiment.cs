using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Every rotation experiment (mx-bluesky's RotationExperiment): the increment per image and the fast shutter's opening
/// time. With no aperture selected it uses the large one (mx-bluesky does so only when the field is given as null; an
/// absent field is treated the same here, as the rotation plans need an aperture).
/// </summary>
public abstract record RotationExperiment : DiffractionExperiment
{
    /// <summary>How long the fast shutter takes to open, s (<c>shutter_opening_time_s</c>; default 0.06).</summary>
    public double ShutterOpeningTimeS { get; init; } = RotationParamConstants.DefaultShutterTimeS;

    /// <summary>Rotation per image, degrees (<c>rotation_increment_deg</c>; default 0.1, above 0).</summary>
    [GreaterThan(0)]
    public double RotationIncrementDeg { get; init; } = RotationParamConstants.DefaultRotationIncrementDeg;

    /// <summary>The ISPyB experiment type (<c>ispyb_experiment_type</c>; default SAD, mx-bluesky's ROTATION).</summary>
    public override IspybExperimentType IspybExperimentType { get; init; } = IspybExperimentType.Sad;

    /// <summary>The aperture to use (<c>selected_aperture</c>; large when none is given).</summary>
    public override ApertureValue? SelectedAperture { get; init; } = RotationParamConstants.DefaultAperturePosition;

    /// <summary>Images in a sweep of <paramref name="scanWidthDeg"/> (truncated, as Python's <c>int()</c>).</summary>
    private protected int ImagesIn(double scanWidthDeg) => (int)(scanWidthDeg / RotationIncrementDeg);

    /// <summary>The detector settings for sweeps starting at <paramref name="omegaStartDeg"/>.</summary>
    private protected DetectorParams CreateDetectorParams(double omegaStartDeg, int numImagesPerTrigger, int numTriggers) => new(
        ExpectedEnergyEv: DemandEnergyEv,
        ExposureTimeS: ExposureTimeS,
        Directory: PosixPath.Normalise(StorageDirectory) + "/",
        Prefix: FileName,
        DetectorDistance: RequireDetectorDistance(),
        OmegaStart: omegaStartDeg,
        OmegaIncrement: RotationIncrementDeg,
        NumImagesPerTrigger: numImagesPerTrigger,
        NumTriggers: numTriggers,
        UseRoiMode: false,
        DetDistToBeamConverterPath: DetectorParams.BeamXyLutPath(BeamlineNames.ToShortName(Beamline)),
        OverrideRunNumber: DetectorRunNumber,
        DetectorSizeConstants: DetectorSizeConstants.Eiger2X16M);

    internal override ParameterModel Complete(BindingScope scope)
    {
        var completed = (RotationExperiment)base.Complete(scope);
        return completed.SelectedAperture is null
            ? completed with { SelectedAperture = RotationParamConstants.DefaultAperturePosition }
            : completed;
    }
}
