using System.Globalization;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>
/// mx-bluesky's <c>GridDetectAndScanISPyBCallback</c>: at the <c>grid_detect_and_do_gridscan</c> start, a Mesh3D group
/// with two grid data collections; each <c>snapshot_to_ispyb</c> event fills its grid (plane from omega: 0 → first,
/// 90 → second) with images, file template, snapshots, GridInfo and comment; the hardware reads fill both; X-ray
/// centre results are noted; the run's stop ends both, with the sample error's message as the group comment.
/// </summary>
public sealed class GridscanIspybCallback : IspybCallbackBase
{
    /// <summary>Omega within this of a compass point names that plane.</summary>
    public const double OmegaToleranceDeg = 1;

    private readonly Dictionary<string, long> _gridPlaneToId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _gridPlaneToWidth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _gridPlaneToFrames = new(StringComparer.Ordinal);
    private static readonly string[] GridComments = ["MX-Bluesky: Xray centring 1 -", "MX-Bluesky: Xray centring 2 -"];
    private DataCollectionGroupRow? _group;
    private string? _startOfFgsUid;
    private DateTimeOffset? _processingStart;

    /// <summary>Creates the callback.</summary>
    /// <param name="store">The ISPyB store.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">Where it logs.</param>
    /// <param name="emit">Where handled documents go next (the Zocalo callback), or null.</param>
    public GridscanIspybCallback(IIspybStore store, TimeProvider time, ILogger log, IIspybTaggedDocumentHandler? emit = null)
        : base(store, time, log, emit)
    {
    }

    /// <inheritdoc />
    public override string Name => CallbackNames.GridscanIspyb;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> ActivationNames => [CallbackNames.GridscanIspyb, CallbackNames.GridDetectAndScanIspyb];

    /// <inheritdoc />
    protected override IspybTags Tags => new(Ids, new Dictionary<string, long>(_gridPlaneToId), new Dictionary<string, int>(_gridPlaneToFrames));

    /// <summary>mx-bluesky's <c>_smargon_omega_to_xyxz_plane</c>: "0" for the XY plane, "90" for XZ.</summary>
    /// <param name="omega">The smargon's omega.</param>
    /// <exception cref="ArgumentOutOfRangeException">Omega is not within tolerance of a compass point.</exception>
    public static string GridPlane(double omega)
    {
        var modulo = Math.Abs(omega) % 180;
        var isXy = Math.Abs(modulo) <= OmegaToleranceDeg || Math.Abs(modulo - 180) <= OmegaToleranceDeg;
        if (!isXy && Math.Abs(modulo - 90) > OmegaToleranceDeg)
        {
            throw new ArgumentOutOfRangeException(nameof(omega), omega, $"Smargon snapshot omega not in tolerance of compass point {omega.ToString(CultureInfo.InvariantCulture)}");
        }

        return isXy ? "0" : "90";
    }

    /// <inheritdoc />
    protected override async Task OnStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var subplan = start.GetString("subplan_name");
        if (subplan == PlanNames.DoFgs)
        {
            _startOfFgsUid = start.Uid;
        }

        if (subplan == PlanNames.GridDetectAndDoGridscan)
        {
            UidToFinalizeOn = start.Uid;
            CallbackLog.GridscanStart(Log, start.Uid);
            var json = start.GetString("mx_bluesky_parameters") ?? string.Empty;
            GenericGrid parameters = json.Contains("\"x_steps\"", StringComparison.Ordinal)
                ? LoadParameters<SpecifiedThreeDGridScan>(start)
                : LoadParameters<GridScanWithEdgeDetect>(start);
            Parameters = parameters;
            SampleId = parameters.SampleId;
            _group = new DataCollectionGroupRow
            {
                ExperimentType = IspybMapping.ExperimentTypeName(parameters.IspybExperimentType),
                BlSampleId = parameters.SampleId,
                StartTime = Now,
            };
            var collections = GridComments
                .Select(comment => IspybMapping.PopulateRemaining(new DataCollectionRow(), comment, null, parameters, parameters.SampleId, Now, BeamPositionMm?.Invoke(parameters.DetectorParams)))
                .ToList();
            Ids = await BeginDepositionAsync(_group, collections, null, cancellationToken).ConfigureAwait(false);
            _group = _group with { DataCollectionGroupId = Ids.DataCollectionGroupId!.Value };
        }

        await base.OnStartAsync(start, cancellationToken).ConfigureAwait(false);
        if (start.Metadata.TryGetValue(PlanNames.FlyscanResults, out var results))
        {
            await AppendResultsAsync(results, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task OnEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (_group is null)
        {
            throw new IspybDepositionNotMadeException($"No data collection group info - event document has been emitted before a {PlanNames.GridDetectAndDoGridscan} start document");
        }

        await base.OnEventAsync(ev, descriptor, cancellationToken).ConfigureAwait(false);
        if (descriptor?.Name == DescriptorNames.OavGridSnapshotTriggered)
        {
            await UpdateDepositionAsync(GridSnapshot(new EventData(ev, descriptor.Name)), cancellationToken).ConfigureAwait(false);
        }
        else if (descriptor?.Name == DescriptorNames.FlyscanResults && ev.Data.TryGetValue(PlanNames.FlyscanResults, out var results))
        {
            await AppendResultsAsync(results, cancellationToken).ConfigureAwait(false);
        }

        await Store.UpdateDataCollectionGroupAsync(_group.DataCollectionGroupId, _group, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IReadOnlyList<ScanDataInfo> PopulateInfoForUpdate(DataCollectionRow fromEvent, PositionRow? position)
    {
        if (Ids.DataCollectionIds.Count == 0)
        {
            throw new IspybDepositionNotMadeException("Expect at least one valid data collection to record scan data");
        }

        return
        [
            new ScanDataInfo(Ids.DataCollectionIds[0], fromEvent),
            new ScanDataInfo(Ids.DataCollectionIds.Count > 1 ? Ids.DataCollectionIds[1] : null, fromEvent),
        ];
    }

    /// <inheritdoc />
    protected override async Task OnStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (_group is null)
        {
            throw new IspybDepositionNotMadeException($"No data collection group info - stop document has been emitted before a {PlanNames.GridDetectAndDoGridscan} start document");
        }

        if (stop.RunStartUid == _startOfFgsUid)
        {
            _processingStart = Time.GetUtcNow();
        }

        if (stop.RunStartUid != UidToFinalizeOn)
        {
            return;
        }

        if (Ids.IsEmpty)
        {
            throw new IspybDepositionNotMadeException("ispyb was not initialised at run start");
        }

        var (exceptionType, message) = SampleException.TypeAndMessageFromReason(stop.Reason ?? string.Empty);
        if (exceptionType is not null)
        {
            stop.Reason = message ?? string.Empty;
            _group = _group with { Comments = message };
        }
        else if (_processingStart is { } started)
        {
            var summary = string.Create(CultureInfo.InvariantCulture, $"Zocalo processing took {(Time.GetUtcNow() - started).TotalSeconds:F2} s.");
            _group = _group with { Comments = (_group.Comments ?? string.Empty) + summary };
            await Store.AppendDataCollectionCommentAsync(Ids.DataCollectionIds[0], summary, " ", cancellationToken).ConfigureAwait(false);
        }

        await Store.UpdateDataCollectionGroupAsync(_group.DataCollectionGroupId, _group with { EndTime = Now }, cancellationToken).ConfigureAwait(false);
        _group = null;
        _processingStart = null;
        _startOfFgsUid = null;
        _gridPlaneToId.Clear();
        _gridPlaneToWidth.Clear();
        _gridPlaneToFrames.Clear();
        await base.OnStopAsync(stop, cancellationToken).ConfigureAwait(false);
    }

    private List<ScanDataInfo> GridSnapshot(EventData data)
    {
        if (Ids.DataCollectionIds.Count < 2)
        {
            throw new IspybDepositionNotMadeException("No current data collection");
        }

        var parameters = RequireParameters();
        var omega = data.Double("gonio-omega");
        var plane = GridPlane(omega);
        var runNumber = IspybMapping.RunNumber(parameters.DetectorParams);
        var dataCollectionNumber = plane == "0" ? runNumber : runNumber + 1;
        var stepsX = (int)data.Double("oav-grid_snapshot-num_boxes_x");
        var stepsY = (int)data.Double("oav-grid_snapshot-num_boxes_y");
        var boxWidth = data.Double("oav-grid_snapshot-box_width");
        var micronsX = data.Double("oav-microns_per_pixel_x");
        var micronsY = data.Double("oav-microns_per_pixel_y");
        var grid = new GridInfoRow
        {
            DxMm = boxWidth * micronsX / 1000,
            DyMm = boxWidth * micronsY / 1000,
            StepsX = stepsX,
            StepsY = stepsY,
            MicronsPerPixelX = micronsX,
            MicronsPerPixelY = micronsY,
            SnapshotOffsetXPixel = (int)data.Double("oav-grid_snapshot-top_left_x"),
            SnapshotOffsetYPixel = (int)data.Double("oav-grid_snapshot-top_left_y"),
            Orientation = GridOrientation.Horizontal,
            Snaked = true,
            RecordTimeStamp = Now,
        };
        var info = new DataCollectionRow
        {
            XtalSnapshotFullPath1 = data.OptionalString("oav-grid_snapshot-last_path_full_overlay"),
            XtalSnapshotFullPath2 = data.OptionalString("oav-grid_snapshot-last_path_outer"),
            XtalSnapshotFullPath3 = data.OptionalString("oav-grid_snapshot-last_saved_path"),
            NumberOfImages = stepsX * stepsY,
            DataCollectionNumber = dataCollectionNumber,
            FileTemplate = IspybMapping.FileTemplate(parameters.DetectorParams, dataCollectionNumber),
            Comments = IspybMapping.GridscanComment(grid),
        };
        info = WithAxes(info, data);

        // Snapshots may come in a different order from the grid scans: remember which dcid each plane has.
        var dcid = Ids.DataCollectionIds[plane == "0" ? 0 : 1];
        _gridPlaneToId[plane] = dcid;
        _gridPlaneToWidth[plane] = stepsY;
        _gridPlaneToFrames[plane] = stepsX * stepsY;
        var yWidth = _gridPlaneToWidth.TryGetValue("0", out var y) ? y.ToString(CultureInfo.InvariantCulture) : "_";
        var zWidth = _gridPlaneToWidth.TryGetValue("90", out var z) ? z.ToString(CultureInfo.InvariantCulture) : "_";
        _group = _group! with { Comments = $"Diffraction grid scan of {stepsX.ToString(CultureInfo.InvariantCulture)} by {yWidth} by {zWidth}." };
        OavSnapshotEventIndex++;
        return [new ScanDataInfo(dcid, info, null, grid)];
    }

    private static DataCollectionRow WithAxes(DataCollectionRow info, EventData data)
    {
        // mx-bluesky's common_populate_axis_info: omega in GDA's space is the reflected phase, or minus omega.
        double? omega = data.OptionalDouble("gonio-wrapped_omega-phase") is { } phase ? ReflectPhase(phase)
            : data.OptionalDouble("gonio-omega") is { } raw ? -raw : null;
        if (omega is { } o)
        {
            info = info with { OmegaStart = o, AxisStart = o, AxisEnd = o, AxisRange = 0 };
        }

        return data.OptionalDouble("gonio-chi") is { } chi ? info with { ChiStart = chi } : info;
    }

    private static double ReflectPhase(double phase) => (360 - phase) % 360;

    private async Task AppendResultsAsync(object? results, CancellationToken cancellationToken)
    {
        if (Ids.DataCollectionIds.Count == 0)
        {
            return;
        }

        var parsed = XRayCentreEventHandler.Parse(results);
        var comment = string.Concat(parsed.Select((r, i) => string.Create(
            CultureInfo.InvariantCulture,
            $"Crystal {i + 1}: Strength {r.TotalCount}; Position (mm) [{string.Join(", ", r.CentreOfMassMm.Select(c => c.ToString("F3", CultureInfo.InvariantCulture)))}]; Size (mm) [{string.Join(", ", r.BoundingBoxMm.Max.Zip(r.BoundingBoxMm.Min, (max, min) => (max - min).ToString("F3", CultureInfo.InvariantCulture)))}]; ")));
        if (comment.Length == 0)
        {
            comment = "Zocalo found no crystals in this gridscan.";
        }

        await Store.AppendDataCollectionCommentAsync(Ids.DataCollectionIds[0], comment, " ", cancellationToken).ConfigureAwait(false);
    }
}
