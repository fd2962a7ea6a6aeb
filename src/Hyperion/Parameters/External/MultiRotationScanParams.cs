namespace Hyperion.Cli.Parameters;

/// <summary>The collection part of an external load-centre-collect request (mx-bluesky's BlueAPI
/// MultiRotationScanParams). Every field is required.</summary>
public sealed record MultiRotationScanParams : HyperionParam
{
    /// <summary>A comment for ISPyB (<c>comment</c>).</summary>
    [RequiredField]
    public string Comment { get; init; } = "";

    /// <summary>The data files' prefix (<c>file_name</c>).</summary>
    [RequiredField]
    public string FileName { get; init; } = "";

    /// <summary>Where the data goes (<c>storage_directory</c>).</summary>
    [RequiredField]
    public string StorageDirectory { get; init; } = "";

    /// <summary>Where the snapshots go (<c>snapshot_directory</c>).</summary>
    [RequiredField]
    public string SnapshotDirectory { get; init; } = "";

    /// <summary>Exposure per image, s (<c>exposure_time_s</c>).</summary>
    [RequiredField]
    public double ExposureTimeS { get; init; }

    /// <summary>Rotation per image, degrees (<c>rotation_increment_deg</c>).</summary>
    [RequiredField]
    public double RotationIncrementDeg { get; init; }

    /// <summary>Snapshot omegas (<c>snapshot_omegas_deg</c>).</summary>
    [RequiredField]
    public IReadOnlyList<double> SnapshotOmegasDeg { get; init; } = [];

    /// <summary>The sweeps (<c>rotation_scans</c>).</summary>
    [RequiredField]
    public IReadOnlyList<SingleRotationScanParams> RotationScans { get; init; } = [];

    /// <summary>Transmission (<c>transmission_frac</c>).</summary>
    [RequiredField]
    public double TransmissionFrac { get; init; }

    /// <summary>The ISPyB experiment type, checked on conversion (<c>ispyb_experiment_type</c>).</summary>
    [RequiredField]
    public string IspybExperimentType { get; init; } = "";
}
