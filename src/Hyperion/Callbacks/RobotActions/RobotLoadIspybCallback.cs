using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.RobotActions;

/// <summary>
/// mx-bluesky's <c>RobotLoadISPyBCallback</c>: a <c>robot_load</c>/<c>robot_unload</c> run with <c>metadata</c> {visit,
/// sample_id} starts a LOAD/UNLOAD robot action; <c>robot_update</c> events fill barcode, pin, puck and snapshots; the
/// run's stop ends the action (status from exit status, message from the reason or "OK") and sets the sample's status
/// (LOADED on success, else beamline error). Without a sample id or visit nothing is recorded.
/// </summary>
public sealed class RobotLoadIspybCallback : PlanReactiveCallback
{
    private readonly IIspybStore _store;
    private readonly TimeProvider _time;
    private long? _sampleId;
    private string? _runUid;
    private long? _actionId;

    /// <summary>Creates the callback.</summary>
    /// <param name="store">The ISPyB store.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">Where it logs.</param>
    public RobotLoadIspybCallback(IIspybStore store, TimeProvider time, ILogger log)
        : base(log)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public override string Name => CallbackNames.RobotLoadIspyb;

    /// <summary>The robot action being recorded, if any.</summary>
    public long? ActionId => _actionId;

    /// <inheritdoc />
    protected override async Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var subplan = start.GetString("subplan_name");
        if (subplan is not (PlanNames.RobotLoad or PlanNames.RobotUnload))
        {
            return;
        }

        var metadata = MetadataReader.Map(start.Metadata.GetValueOrDefault("metadata"))
            ?? throw new CallbackParametersException(start.Uid, "metadata", "is missing (it must hold visit and sample_id)");
        var visit = MetadataReader.String(metadata.GetValueOrDefault("visit"));
        var sample = MetadataReader.Double(metadata.GetValueOrDefault("sample_id"));
        if (sample is null or 0 || string.IsNullOrEmpty(visit))
        {
            CallbackLog.Info(Log, "No sample ID provided, not recording robot action in ispyb.");
            return;
        }

        _sampleId = (long)sample.Value;
        _runUid = start.Uid;
        var session = await _store.GetOrCreateSessionAsync(visit, null, cancellationToken).ConfigureAwait(false);
        _actionId = await _store.InsertRobotActionAsync(
            new RobotActionRow
            {
                BlSessionId = session,
                BlSampleId = _sampleId,
                ActionType = subplan == PlanNames.RobotLoad ? "LOAD" : "UNLOAD",
                StartTimestamp = _time.GetUtcNow().UtcDateTime,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ActivityGatedEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (_sampleId is null)
        {
            CallbackLog.Info(Log, "Ignoring robot update event as no sample ID provided.");
            return;
        }

        if (descriptor?.Name != DescriptorNames.RobotUpdate)
        {
            return;
        }

        var actionId = _actionId ?? throw new IspybDepositionNotMadeException("ISPyB Robot load callback event called unexpectedly");
        var data = new EventData(ev, descriptor.Name);

        // I03 uses the webcam and OAV snapshots as the before and after snapshots.
        var update = new RobotActionRow
        {
            SampleBarcode = data.OptionalString("robot-barcode"),
            ContainerLocation = data.OptionalDouble("robot-current_pin") is { } pin ? (int)pin : null,
            DewarLocation = data.OptionalDouble("robot-current_puck") is { } puck ? (int)puck : null,
            XtalSnapshotBefore = data.OptionalString("webcam-last_saved_path"),
            XtalSnapshotAfter = data.OptionalString("oav-snapshot-last_saved_path"),
        };
        await _store.UpdateRobotActionAsync(actionId, update, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (stop.RunStartUid != _runUid)
        {
            return;
        }

        var actionId = _actionId ?? throw new IspybDepositionNotMadeException("ISPyB Robot load callback stop called unexpectedly");
        var sampleId = _sampleId ?? throw new IspybDepositionNotMadeException("Stop called before start");
        if (string.IsNullOrEmpty(stop.ExitStatus))
        {
            throw new IspybDepositionNotMadeException("Exit status not available in stop document!");
        }

        var reason = string.IsNullOrEmpty(stop.Reason) ? "OK" : stop.Reason;
        var status = stop.ExitStatus == "success" ? "SUCCESS" : "ERROR";
        await _store.EndRobotActionAsync(actionId, status, reason, _time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        await _store.UpdateSampleStatusAsync(sampleId, stop.ExitStatus == "success" ? BLSampleStatus.Loaded : BLSampleStatus.ErrorBeamline, cancellationToken).ConfigureAwait(false);
        _actionId = null;
        _sampleId = null;
        _runUid = null;
    }
}
