using System.Globalization;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>
/// mx-bluesky's <c>BaseISPyBCallback</c>: records the hardware read before collection (undulator gap, synchrotron
/// mode, slit gaps, wavelength, position) and during it (flux, transmission, detector mode, beam size, aperture
/// comment), ends the deposition at the deciding stop, and passes every handled document on, tagged with its ids.
/// </summary>
public abstract class IspybCallbackBase : PlanReactiveCallback
{
    private readonly IIspybTaggedDocumentHandler? _emit;

    /// <summary>Creates the callback.</summary>
    /// <param name="store">The ISPyB store deposited into.</param>
    /// <param name="time">The clock for start/end times.</param>
    /// <param name="log">Where it logs.</param>
    /// <param name="emit">Where handled documents go next (the Zocalo callback), or null.</param>
    protected IspybCallbackBase(IIspybStore store, TimeProvider time, ILogger log, IIspybTaggedDocumentHandler? emit)
        : base(log)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        _emit = emit;
    }

    /// <summary>
    /// The beam centre on the detector, mm, for an experiment's detector settings (mx-bluesky's
    /// detector_params.get_beam_position_mm), recorded as xBeam/yBeam; null leaves them empty.
    /// </summary>
    public Func<DetectorParams, (double X, double Y)>? BeamPositionMm { get; init; }

    /// <summary>The ids deposited so far.</summary>
    public IspybIds Ids { get; protected set; } = IspybIds.None;

    /// <summary>The store.</summary>
    protected IIspybStore Store { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The current experiment's parameters, once a start document gave them.</summary>
    protected DiffractionExperiment? Parameters { get; set; }

    /// <summary>The current experiment's sample.</summary>
    protected long SampleId { get; set; }

    /// <summary>The run whose stop ends the deposition.</summary>
    protected string? UidToFinalizeOn { get; set; }

    /// <summary>How many snapshot events this run has had.</summary>
    protected int OavSnapshotEventIndex { get; set; }

    /// <summary>The now, as ISPyB stores it.</summary>
    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>Reads a run's <c>mx_bluesky_parameters</c> as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The parameter model.</typeparam>
    /// <param name="start">The start document.</param>
    /// <exception cref="CallbackParametersException">The field is missing or does not parse.</exception>
    public static T LoadParameters<T>(RunStart start)
        where T : ParameterModel
    {
        ArgumentNullException.ThrowIfNull(start);
        const string Field = "mx_bluesky_parameters";
        if (start.GetString(Field) is not { Length: > 0 } json || start.Metadata[Field] is not (string or System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String }))
        {
            throw new CallbackParametersException(start.Uid, Field, "is missing (it must be the plan's parameters as a JSON string)");
        }

        try
        {
            return HyperionParameters.Load<T>(json);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new CallbackParametersException(start.Uid, Field, $"is not valid {typeof(T).Name} parameters: {error.Message}", error);
        }
    }

    /// <summary>The tags passed on with each document.</summary>
    protected virtual IspybTags Tags => new(Ids, new Dictionary<string, long>(), new Dictionary<string, int>());

    /// <inheritdoc />
    protected sealed override async Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        await OnStartAsync(start, cancellationToken).ConfigureAwait(false);
        await EmitAsync(DocumentName.Start, start, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected sealed override Task ActivityGatedDescriptorAsync(EventDescriptor descriptor, CancellationToken cancellationToken) =>
        EmitAsync(DocumentName.Descriptor, descriptor, cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task ActivityGatedEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        await OnEventAsync(ev, descriptor, cancellationToken).ConfigureAwait(false);
        await EmitAsync(DocumentName.Event, ev, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected sealed override async Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        // The tags travel as they were before the stop resets any per-run state.
        var tags = Tags;
        await OnStopAsync(stop, cancellationToken).ConfigureAwait(false);
        if (_emit is not null)
        {
            await _emit.HandleAsync(DocumentName.Stop, stop, tags, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles a start document (resets the snapshot count).</summary>
    /// <param name="start">The start document.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual Task OnStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        OavSnapshotEventIndex = 0;
        return Task.CompletedTask;
    }

    /// <summary>Handles an event: the hardware reads before and during collection update the deposition.</summary>
    /// <param name="ev">The event.</param>
    /// <param name="descriptor">Its descriptor, if seen.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual async Task OnEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (descriptor is null)
        {
            CallbackLog.Warning(Log, $"{Name} received event {ev.Uid} and has no corresponding descriptor record");
            return;
        }

        IReadOnlyList<ScanDataInfo> infos;
        switch (descriptor.Name)
        {
            case DescriptorNames.HardwareReadPre:
                infos = HardwareReadPre(new EventData(ev, descriptor.Name));
                break;
            case DescriptorNames.HardwareReadDuring:
                infos = await HardwareReadDuringAsync(new EventData(ev, descriptor.Name), cancellationToken).ConfigureAwait(false);
                break;
            default:
                return;
        }

        await UpdateDepositionAsync(infos, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the deposition: each data collection's status, end time and (when failed) reason.</summary>
    /// <param name="stop">The deciding stop document.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual async Task OnStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var exitStatus = string.IsNullOrEmpty(stop.ExitStatus) ? "Exit status not available in stop document!" : stop.ExitStatus;
        var success = exitStatus == "success";
        var now = Now;
        foreach (var dcid in Ids.DataCollectionIds)
        {
            await Store.EndDataCollectionAsync(dcid, success, now, string.IsNullOrEmpty(stop.Reason) ? null : stop.Reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What the hardware reads update, per data collection (mx-bluesky's <c>populate_info_for_update</c>).</summary>
    /// <param name="fromEvent">The columns the event gave.</param>
    /// <param name="position">The position the event gave, or null.</param>
    protected abstract IReadOnlyList<ScanDataInfo> PopulateInfoForUpdate(DataCollectionRow fromEvent, PositionRow? position);

    /// <summary>Reads the pre-collection hardware event into updates.</summary>
    /// <param name="data">The event's data.</param>
    protected virtual IReadOnlyList<ScanDataInfo> HardwareReadPre(EventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireParameters();
        string horizontal, vertical;
        if (data.Has("s4_slit_gaps-xgap"))
        {
            (horizontal, vertical) = ("s4_slit_gaps-xgap", "s4_slit_gaps-ygap");
        }
        else if (data.Has("s4_slit_gaps-x_gap"))
        {
            (horizontal, vertical) = ("s4_slit_gaps-x_gap", "s4_slit_gaps-y_gap");
        }
        else
        {
            throw data.Missing("s4_slit_gaps-xgap");
        }

        var info = new DataCollectionRow
        {
            UndulatorGap1 = data.Double("undulator-current_gap"),
            SynchrotronMode = data.OptionalString("synchrotron-synchrotron_mode") ?? throw data.Missing("synchrotron-synchrotron_mode"),
            SlitGapHorizontal = data.Double(horizontal),
            SlitGapVertical = data.Double(vertical),
        };
        info = WithEnergy(data, info);
        var position = new PositionRow { PosX = data.Double("gonio-x"), PosY = data.Double("gonio-y"), PosZ = data.Double("gonio-z") };
        return PopulateInfoForUpdate(info, position);
    }

    /// <summary>Reads the during-collection hardware event into updates, and notes the aperture in the comments.</summary>
    /// <param name="data">The event's data.</param>
    /// <param name="cancellationToken">Cancels the comment update.</param>
    protected virtual async Task<IReadOnlyList<ScanDataInfo>> HardwareReadDuringAsync(EventData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireParameters();
        var aperture = data.OptionalString("aperture_scatterguard-selected_aperture") ?? "Not implemented";
        var beamX = data.OptionalDouble("beamsize-x_um") is { } x and not 0 ? x / 1000 : (double?)null;
        var beamY = data.OptionalDouble("beamsize-y_um") is { } y and not 0 ? y / 1000 : (double?)null;
        var roi = MetadataReader.Bool(data.Raw("eiger_cam_roi_mode", "eiger-cam-roi_mode")) ?? throw data.Missing("eiger-cam-roi_mode");
        var info = new DataCollectionRow
        {
            BeamSizeAtSampleX = beamX,
            BeamSizeAtSampleY = beamY,
            Flux = data.Double("flux-flux_reading"),
            DetectorMode = roi ? "ROI" : "FULL",
            DetectorId = data.OptionalDouble("eiger-ispyb_detector_id") is { } detector ? (long)detector : null,
        };
        var transmission = data.OptionalDouble("attenuator-actual_transmission") ?? throw data.Missing("attenuator-actual_transmission");
        if (transmission != 0)
        {
            // ISPyB wants a percentage; we read fractions.
            info = info with { Transmission = transmission * 100 };
        }

        info = WithEnergy(data, info);
        var infos = PopulateInfoForUpdate(info, null);
        await AppendToCommentAsync($"Aperture: {aperture}. ", cancellationToken).ConfigureAwait(false);
        return infos;
    }

    /// <summary>Writes updates: inserts data collections without a dcid, updates the others, adds positions and grids.</summary>
    /// <param name="infos">The updates.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    protected async Task UpdateDepositionAsync(IReadOnlyList<ScanDataInfo> infos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(infos);
        var dcids = Ids.DataCollectionIds.ToList();
        foreach (var info in infos)
        {
            long dcid;
            if (info.DataCollectionId is { } existing)
            {
                dcid = existing;

                // As mx-bluesky's store: an update's comment is appended, never overwrites what is there.
                var update = info.DataCollection;
                if (!string.IsNullOrEmpty(update.Comments))
                {
                    await Store.AppendDataCollectionCommentAsync(dcid, update.Comments, " ", cancellationToken).ConfigureAwait(false);
                    update = update with { Comments = null };
                }

                await Store.UpdateDataCollectionAsync(dcid, update, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                dcid = await Store.InsertDataCollectionAsync(
                    info.DataCollection with { DataCollectionGroupId = Ids.DataCollectionGroupId ?? throw new IspybDepositionNotMadeException("no data collection group to add a data collection to") },
                    cancellationToken).ConfigureAwait(false);
                dcids.Add(dcid);
            }

            if (info.Position is { } position)
            {
                await Store.InsertPositionAsync(dcid, position, cancellationToken).ConfigureAwait(false);
            }

            if (info.Grid is { } grid)
            {
                await Store.InsertGridInfoAsync(grid with { DataCollectionId = dcid, DataCollectionGroupId = Ids.DataCollectionGroupId }, cancellationToken).ConfigureAwait(false);
            }
        }

        Ids = Ids with { DataCollectionIds = dcids };
    }

    /// <summary>Begins a deposition: the group (or an existing one) and its data collections.</summary>
    /// <param name="group">The group's columns (session filled in here), ignored when <paramref name="existingGroup"/> is given.</param>
    /// <param name="collections">The data collections' columns.</param>
    /// <param name="existingGroup">A group to add to instead of a new one.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    protected async Task<IspybIds> BeginDepositionAsync(DataCollectionGroupRow group, IReadOnlyList<DataCollectionRow> collections, long? existingGroup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(collections);
        var parameters = RequireParameters();
        var session = await Store.GetOrCreateSessionAsync(parameters.Visit, parameters.Beamline, cancellationToken).ConfigureAwait(false);
        var dcgid = existingGroup ?? await Store.InsertDataCollectionGroupAsync(group with { SessionId = session }, cancellationToken).ConfigureAwait(false);
        var dcids = new List<long>();
        foreach (var collection in collections)
        {
            dcids.Add(await Store.InsertDataCollectionAsync(collection with { DataCollectionGroupId = dcgid, SessionId = session }, cancellationToken).ConfigureAwait(false));
        }

        return new IspybIds(dcgid, dcids);
    }

    /// <summary>Appends a comment to every data collection of this deposition.</summary>
    /// <param name="comment">The comment.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    protected async Task AppendToCommentAsync(string comment, CancellationToken cancellationToken)
    {
        foreach (var dcid in Ids.DataCollectionIds)
        {
            await Store.AppendDataCollectionCommentAsync(dcid, comment, " ", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The parameters, which a start document must have given.</summary>
    /// <exception cref="IspybDepositionNotMadeException">No start document gave them.</exception>
    protected DiffractionExperiment RequireParameters() =>
        Parameters ?? throw new IspybDepositionNotMadeException($"{Name} handled a document before a start document gave it parameters");

    private static DataCollectionRow WithEnergy(EventData data, DataCollectionRow info) =>
        data.OptionalDouble("dcm-energy_in_keV") is { } kev and not 0
            ? info with { Wavelength = IspybMapping.WavelengthAngstrom(kev) }
            : info;

    private Task EmitAsync(DocumentName name, Document document, CancellationToken cancellationToken) =>
        _emit?.HandleAsync(name, document, Tags, cancellationToken) ?? Task.CompletedTask;

    /// <summary>Formats a number for comments as Python's <c>:.0f</c> does.</summary>
    /// <param name="value">The number.</param>
    protected static string F0(double value) => Math.Round(value, MidpointRounding.ToEven).ToString("F0", CultureInfo.InvariantCulture);
}
