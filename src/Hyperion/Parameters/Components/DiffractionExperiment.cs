using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Every experiment that uses the beam (mx-bluesky's DiffractionExperiment, with WithSnapshot,
/// WithOptionalEnergyChange and WithVisit mixed in). The snapshot directory defaults to
/// <c>{storage_directory}/snapshots</c>. Unlike mx-bluesky, loading creates no directories: the plans do that.
/// </summary>
public abstract record DiffractionExperiment
    : MxBlueskyParameters, IWithSnapshot, IWithOptionalEnergyChange, IWithVisit
{
    /// <summary>The storage directory that means "ask numtracker" (mx-bluesky's USE_NUMTRACKER).</summary>
    public const string UseNumtracker = "from numtracker";

    /// <inheritdoc/>
    public string SnapshotDirectory { get; init; } = "";

    /// <inheritdoc/>
    public IReadOnlyList<double>? SnapshotOmegasDeg { get; init; }

    /// <inheritdoc/>
    public bool UseGridSnapshots { get; init; }

    /// <inheritdoc/>
    [JsonIgnore]
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

    /// <summary>The data files' name prefix (<c>file_name</c>; required).</summary>
    [RequiredField]
    public string FileName { get; init; } = "";

    /// <summary>Exposure per image in seconds (<c>exposure_time_s</c>; required here, above 0).</summary>
    [RequiredField]
    [GreaterThan(0)]
    public virtual double ExposureTimeS { get; init; }

    /// <summary>A comment for ISPyB (<c>comment</c>; default empty).</summary>
    public string Comment { get; init; } = "";

    /// <summary>The detector's trigger mode (<c>trigger_mode</c>; default free run).</summary>
    public TriggerMode TriggerMode { get; init; } = TriggerMode.FreeRun;

    /// <summary>The run number for the data files, or null to take the next free one (<c>run_number</c>; at least 0).</summary>
    [AtLeast(0)]
    public int? RunNumber { get; init; }

    /// <summary>The aperture to use (<c>selected_aperture</c>).</summary>
    public virtual ApertureValue? SelectedAperture { get; init; }

    /// <summary>Beam transmission as a fraction (<c>transmission_frac</c>; default 0.1).</summary>
    public double TransmissionFrac { get; init; } = 0.1;

    /// <summary>The ISPyB experiment type (<c>ispyb_experiment_type</c>).</summary>
    [RequiredField]
    public virtual IspybExperimentType IspybExperimentType { get; init; }

    /// <summary>Where the data files go (<c>storage_directory</c>; required).</summary>
    [RequiredField]
    public string StorageDirectory { get; init; } = "";

    /// <summary>Whether the detector reads out only its 4M region of interest (<c>use_roi_mode</c>; default true).</summary>
    public bool UseRoiMode { get; init; } = GridscanParamConstants.UseRoi;

    /// <summary>The number of images the experiment takes.</summary>
    [JsonIgnore]
    public virtual int NumImages => 0;

    /// <summary>The detector's settings for this experiment.</summary>
    /// <exception cref="InvalidOperationException">No detector distance was given.</exception>
    [JsonIgnore]
    public abstract DetectorParams DetectorParams { get; }

    /// <summary>The detector distance, which the detector settings need.</summary>
    /// <exception cref="InvalidOperationException">None was given.</exception>
    private protected double RequireDetectorDistance() =>
        DetectorDistanceMm ?? throw new InvalidOperationException("Detector distance must be filled before generating DetectorParams");

    /// <summary>The run number to put in the detector settings: mx-bluesky passes it only when it is truthy.</summary>
    private protected int? DetectorRunNumber => RunNumber is { } run && run != 0 ? run : null;

    internal override JsonObject PrepareInput(JsonObject input, BindingScope scope)
    {
        input = base.PrepareInput(input, scope);
        if (input["storage_directory"] is JsonValue storage && storage.GetValueKind() == JsonValueKind.String)
        {
            var directory = storage.GetValue<string>();
            if (directory == UseNumtracker)
            {
                // numtracker plans cannot yet write snapshots anywhere else (mx-bluesky issue 1527).
                input["snapshot_directory"] = "/tmp";
            }
            else if (!input.ContainsKey("snapshot_directory"))
            {
                input["snapshot_directory"] = PosixPath.Join(directory, "snapshots");
            }
        }

        return input;
    }

    internal override ParameterModel Complete(BindingScope scope)
    {
        SnapshotRules.Check(this, scope);
        return this with { SnapshotDirectory = PosixPath.Normalise(SnapshotDirectory) };
    }
}
