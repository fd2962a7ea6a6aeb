namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// A row of ISPyB's <c>DataCollection</c>: the columns Hyperion writes. As an update, only the non-null properties
/// are written (the ids are ignored), as ISPyB's REST API patches.
/// </summary>
public sealed record DataCollectionRow
{
    /// <summary><c>dataCollectionId</c>: the dcid; ignored on insert and update.</summary>
    public long DataCollectionId { get; init; }

    /// <summary><c>dataCollectionGroupId</c>: the group (dcgid); required on insert, ignored on update.</summary>
    public long DataCollectionGroupId { get; init; }

    /// <summary><c>BLSAMPLEID</c>: the sample.</summary>
    public long? BlSampleId { get; init; }

    /// <summary><c>SESSIONID</c>: the session; on insert, taken from the group when left null.</summary>
    public long? SessionId { get; init; }

    /// <summary><c>dataCollectionNumber</c>: the run number.</summary>
    public int? DataCollectionNumber { get; init; }

    /// <summary><c>startTime</c>: start, to the second.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary><c>endTime</c>: end, to the second.</summary>
    public DateTime? EndTime { get; init; }

    /// <summary><c>runStatus</c>: e.g. <see cref="RunStatus.Successful"/>.</summary>
    public string? RunStatus { get; init; }

    /// <summary><c>axisStart</c>: rotation start, degrees.</summary>
    public double? AxisStart { get; init; }

    /// <summary><c>axisEnd</c>: rotation end, degrees.</summary>
    public double? AxisEnd { get; init; }

    /// <summary><c>axisRange</c>: rotation per image, degrees.</summary>
    public double? AxisRange { get; init; }

    /// <summary><c>overlap</c>: overlap between images, degrees.</summary>
    public double? Overlap { get; init; }

    /// <summary><c>numberOfImages</c>: images in the collection.</summary>
    public int? NumberOfImages { get; init; }

    /// <summary><c>startImageNumber</c>: number of the first image.</summary>
    public int? StartImageNumber { get; init; }

    /// <summary><c>numberOfPasses</c>: passes per image.</summary>
    public int? NumberOfPasses { get; init; }

    /// <summary><c>exposureTime</c>: exposure per image, seconds.</summary>
    public double? ExposureTime { get; init; }

    /// <summary><c>imageDirectory</c>: directory of the files, ending with a slash.</summary>
    public string? ImageDirectory { get; init; }

    /// <summary><c>imagePrefix</c>: file name prefix.</summary>
    public string? ImagePrefix { get; init; }

    /// <summary><c>imageSuffix</c>: file name suffix (e.g. <c>h5</c>).</summary>
    public string? ImageSuffix { get; init; }

    /// <summary><c>fileTemplate</c>: file name template (e.g. <c>ins_1_1_master.h5</c>).</summary>
    public string? FileTemplate { get; init; }

    /// <summary><c>wavelength</c>: wavelength, Å.</summary>
    public double? Wavelength { get; init; }

    /// <summary><c>resolution</c>: resolution at the detector edge, Å.</summary>
    public double? Resolution { get; init; }

    /// <summary><c>detectorDistance</c>: detector distance, mm.</summary>
    public double? DetectorDistance { get; init; }

    /// <summary><c>xBeam</c>: beam centre x, mm.</summary>
    public double? XBeam { get; init; }

    /// <summary><c>yBeam</c>: beam centre y, mm.</summary>
    public double? YBeam { get; init; }

    /// <summary><c>comments</c>: comments (at most 1024 characters).</summary>
    public string? Comments { get; init; }

    /// <summary><c>slitGapVertical</c>: vertical slit gap, mm.</summary>
    public double? SlitGapVertical { get; init; }

    /// <summary><c>slitGapHorizontal</c>: horizontal slit gap, mm.</summary>
    public double? SlitGapHorizontal { get; init; }

    /// <summary><c>transmission</c>: transmission, percent.</summary>
    public double? Transmission { get; init; }

    /// <summary><c>synchrotronMode</c>: the ring's mode.</summary>
    public string? SynchrotronMode { get; init; }

    /// <summary><c>xtalSnapshotFullPath1</c>: first crystal snapshot.</summary>
    public string? XtalSnapshotFullPath1 { get; init; }

    /// <summary><c>xtalSnapshotFullPath2</c>: second crystal snapshot.</summary>
    public string? XtalSnapshotFullPath2 { get; init; }

    /// <summary><c>xtalSnapshotFullPath3</c>: third crystal snapshot.</summary>
    public string? XtalSnapshotFullPath3 { get; init; }

    /// <summary><c>xtalSnapshotFullPath4</c>: fourth crystal snapshot.</summary>
    public string? XtalSnapshotFullPath4 { get; init; }

    /// <summary><c>rotationAxis</c>: <c>Omega</c>, <c>Kappa</c> or <c>Phi</c>.</summary>
    public string? RotationAxis { get; init; }

    /// <summary><c>phiStart</c>: phi at the start, degrees.</summary>
    public double? PhiStart { get; init; }

    /// <summary><c>kappaStart</c>: kappa at the start, degrees.</summary>
    public double? KappaStart { get; init; }

    /// <summary><c>omegaStart</c>: omega at the start, degrees.</summary>
    public double? OmegaStart { get; init; }

    /// <summary><c>chiStart</c>: chi at the start, degrees.</summary>
    public double? ChiStart { get; init; }

    /// <summary><c>DETECTORMODE</c>: detector mode.</summary>
    public string? DetectorMode { get; init; }

    /// <summary><c>undulatorGap1</c>: undulator gap, mm.</summary>
    public double? UndulatorGap1 { get; init; }

    /// <summary><c>beamSizeAtSampleX</c>: beam size at the sample, x, mm.</summary>
    public double? BeamSizeAtSampleX { get; init; }

    /// <summary><c>beamSizeAtSampleY</c>: beam size at the sample, y, mm.</summary>
    public double? BeamSizeAtSampleY { get; init; }

    /// <summary><c>flux</c>: flux, photons/s.</summary>
    public double? Flux { get; init; }

    /// <summary><c>detectorId</c>: the detector.</summary>
    public long? DetectorId { get; init; }

    /// <summary><c>POSITIONID</c>: the sample position (set by <see cref="IIspybStore.InsertPositionAsync"/>).</summary>
    public long? PositionId { get; init; }
}
