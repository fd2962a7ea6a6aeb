using System.Text.Json.Serialization;
using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Every experiment with grids, before the grids are known (mx-bluesky's GenericGrid): the box size, the width of the
/// area to search and the pin tip offset that grid detection needs. Exposure defaults to 0.004 s, the aperture to
/// small and the ISPyB type to Mesh3D.
/// </summary>
public abstract record GenericGrid : DiffractionExperimentWithSample, IOptionalGonioAngleStarts
{
    /// <inheritdoc/>
    public virtual IReadOnlyList<int> OmegaStartsDeg { get; init; } = [GridscanParamConstants.Omega1, GridscanParamConstants.Omega2];

    /// <inheritdoc/>
    public double? PhiStartDeg { get; init; }

    /// <inheritdoc/>
    public double? ChiStartDeg { get; init; }

    /// <inheritdoc/>
    public double? KappaStartDeg { get; init; }

    /// <summary>The grid box size, µm (<c>box_size_um</c>; default 20).</summary>
    public double BoxSizeUm { get; init; } = GridscanParamConstants.BoxWidthUm;

    /// <summary>The width of the area to grid along the pin, µm (<c>grid_width_um</c>; default 600).</summary>
    public double GridWidthUm { get; init; } = GridscanParamConstants.PinWidthUm;

    /// <summary>Exposure per grid image, s (<c>exposure_time_s</c>; default 0.004, above 0).</summary>
    [GreaterThan(0)]
    public override double ExposureTimeS { get; init; } = GridscanParamConstants.ExposureTimeS;

    /// <summary>The ISPyB experiment type (<c>ispyb_experiment_type</c>; default Mesh3D).</summary>
    public override IspybExperimentType IspybExperimentType { get; init; } = IspybExperimentType.Mesh3D;

    /// <summary>The aperture to use (<c>selected_aperture</c>; default small).</summary>
    public override ApertureValue? SelectedAperture { get; init; } = ApertureValue.Small;

    /// <summary>How far from the pin tip the grid starts, µm (<c>tip_offset_um</c>; default 0).</summary>
    public double TipOffsetUm { get; init; } = HardwareConstants.TipOffsetUm;

    /// <summary>The detector settings: armed once for every grid, one image per trigger.</summary>
    [JsonIgnore]
    public override DetectorParams DetectorParams => new(
        ExpectedEnergyEv: DemandEnergyEv,
        ExposureTimeS: ExposureTimeS,
        Directory: PosixPath.Normalise(StorageDirectory) + "/",
        Prefix: FileName,
        DetectorDistance: RequireDetectorDistance(),
        OmegaStart: 0, // not accurate for grids, and nothing downstream reads it
        OmegaIncrement: 0,
        NumImagesPerTrigger: 1,
        NumTriggers: NumImages,
        UseRoiMode: UseRoiMode,
        DetDistToBeamConverterPath: DetectorParams.BeamXyLutPath(BeamlineNames.ToShortName(Beamline)),
        OverrideRunNumber: DetectorRunNumber,
        TriggerMode: TriggerMode,
        DetectorSizeConstants: DetectorSizeConstants.Eiger2X16M);
}
