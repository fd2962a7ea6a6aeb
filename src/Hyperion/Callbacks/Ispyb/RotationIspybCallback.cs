using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>
/// mx-bluesky's <c>RotationISPyBCallback</c>: each <c>rotation_scan_with_cleanup</c> start deposits one data collection
/// (in the previous group when the sample is the same and the experiment is not a characterisation); the hardware
/// reads fill it, with the sample position as comment; rotation snapshots fill its snapshot paths in turn; the
/// <c>rotation_scan_main</c> stop ends it.
/// </summary>
public sealed class RotationIspybCallback : IspybCallbackBase
{
    private long? _lastSampleId;

    /// <summary>Creates the callback.</summary>
    /// <param name="store">The ISPyB store.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">Where it logs.</param>
    /// <param name="emit">Where handled documents go next (the Zocalo callback), or null.</param>
    public RotationIspybCallback(IIspybStore store, TimeProvider time, ILogger log, IIspybTaggedDocumentHandler? emit = null)
        : base(store, time, log, emit)
    {
    }

    /// <inheritdoc />
    public override string Name => CallbackNames.RotationIspyb;

    /// <inheritdoc />
    protected override async Task OnStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var subplan = start.GetString("subplan_name");
        if (subplan == PlanNames.RotationOuter)
        {
            var parameters = LoadParameters<SingleRotationScan>(start);
            Parameters = parameters;
            SampleId = parameters.SampleId;
            long? dcgid = parameters.SampleId == _lastSampleId ? Ids.DataCollectionGroupId : null;
            if (parameters.IspybExperimentType == IspybExperimentType.Characterization)
            {
                dcgid = null;
                _lastSampleId = null;
            }
            else
            {
                _lastSampleId = parameters.SampleId;
            }

            var runNumber = IspybMapping.RunNumber(parameters.DetectorParams);
            var info = new DataCollectionRow
            {
                ChiStart = parameters.ChiStartDeg,
                OmegaStart = parameters.OmegaStartDeg,
                DataCollectionNumber = runNumber,
                NumberOfImages = parameters.NumImages,
                AxisRange = parameters.RotationIncrementDeg,
                AxisStart = parameters.OmegaStartDeg,
                AxisEnd = parameters.OmegaStartDeg + parameters.ScanWidthDeg * parameters.RotationDirection.Multiplier(),
                KappaStart = parameters.KappaStartDeg,
                RotationAxis = "Omega",
            };
            info = IspybMapping.PopulateRemaining(info, parameters.Comment, dcgid, parameters, parameters.SampleId, Now, BeamPositionMm?.Invoke(parameters.DetectorParams));
            var group = new DataCollectionGroupRow
            {
                ExperimentType = IspybMapping.ExperimentTypeName(parameters.IspybExperimentType),
                BlSampleId = parameters.SampleId,
                StartTime = Now,
            };
            Ids = await BeginDepositionAsync(group, [info], dcgid, cancellationToken).ConfigureAwait(false);
        }

        if (subplan == PlanNames.RotationMain)
        {
            UidToFinalizeOn = start.Uid;
        }

        await base.OnStartAsync(start, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task OnEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        await base.OnEventAsync(ev, descriptor, cancellationToken).ConfigureAwait(false);
        if (descriptor?.Name == DescriptorNames.OavRotationSnapshotTriggered)
        {
            if (Ids.DataCollectionIds.Count == 0)
            {
                throw new IspybDepositionNotMadeException("No current data collection");
            }

            OavSnapshotEventIndex++;
            var path = new EventData(ev, descriptor.Name).OptionalString("oav-snapshot-last_saved_path");
            var info = OavSnapshotEventIndex switch
            {
                1 => new DataCollectionRow { XtalSnapshotFullPath1 = path },
                2 => new DataCollectionRow { XtalSnapshotFullPath2 = path },
                3 => new DataCollectionRow { XtalSnapshotFullPath3 = path },
                _ => new DataCollectionRow { XtalSnapshotFullPath4 = path },
            };
            await UpdateDepositionAsync([new ScanDataInfo(Ids.DataCollectionIds[^1], info)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override IReadOnlyList<ScanDataInfo> HardwareReadPre(EventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var infos = base.HardwareReadPre(data);
        var um = new[] { data.Double("gonio-x"), data.Double("gonio-y"), data.Double("gonio-z") }.Select(mm => F0(mm * 1000)).ToArray();
        return [infos[0] with { DataCollection = infos[0].DataCollection with { Comments = $"Sample position (µm): ({um[0]}, {um[1]}, {um[2]})" } }, .. infos.Skip(1)];
    }

    /// <inheritdoc />
    protected override IReadOnlyList<ScanDataInfo> PopulateInfoForUpdate(DataCollectionRow fromEvent, PositionRow? position) =>
        Ids.DataCollectionIds.Count == 0
            ? throw new IspybDepositionNotMadeException("Expect an existing DataCollection to update")
            : [new ScanDataInfo(Ids.DataCollectionIds[0], fromEvent, position)];

    /// <inheritdoc />
    protected override async Task OnStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (stop.RunStartUid == UidToFinalizeOn)
        {
            UidToFinalizeOn = null;
            await base.OnStopAsync(stop, cancellationToken).ConfigureAwait(false);
        }
    }
}
