namespace Hyperion.Cli.Parameters;

/// <summary>The load and centring part of an external load-centre-collect request (mx-bluesky's BlueAPI
/// RobotLoadThenCentreParams). Every field but the pin type is required.</summary>
public sealed record RobotLoadThenCentreParams : HyperionParam
{
    /// <summary>Where the grid scan data goes (<c>storage_directory</c>).</summary>
    [RequiredField]
    public string StorageDirectory { get; init; } = "";

    /// <summary>Where the snapshots go (<c>snapshot_directory</c>).</summary>
    [RequiredField]
    public string SnapshotDirectory { get; init; } = "";

    /// <summary>The grid scan files' prefix (<c>file_name</c>).</summary>
    [RequiredField]
    public string FileName { get; init; } = "";

    /// <summary>Grid scan transmission (<c>transmission_frac</c>).</summary>
    [RequiredField]
    public double TransmissionFrac { get; init; }

    /// <summary>Grid scan exposure per image, s (<c>exposure_time_s</c>).</summary>
    [RequiredField]
    public double ExposureTimeS { get; init; }

    /// <summary>The two grids' omegas (<c>omega_starts_deg</c>).</summary>
    [RequiredField]
    public IReadOnlyList<int> OmegaStartsDeg { get; init; } = [];

    /// <summary>Chi for centring (<c>chi_start_deg</c>).</summary>
    [RequiredField]
    public double ChiStartDeg { get; init; }

    /// <summary>The pin (<c>pin_type</c>; default a single-sample pin).</summary>
    public PinTypeParam PinType { get; init; } = new SingleSamplePinTypeParam();

    /// <summary>Whether grid scans read out only the detector's region of interest (<c>use_roi_mode</c>).</summary>
    [RequiredField]
    public bool UseRoiMode { get; init; }
}
