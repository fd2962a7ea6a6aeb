using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Nexus;

/// <summary>
/// mx-bluesky's <c>RotationNexusFileCallback</c>: the <c>multi_rotation_wrapper</c> start (whose
/// <c>activate_callbacks</c> names it) gives <c>full_num_of_images</c> and <c>meta_data_run_number</c>, the frames and
/// run number of the one arming; each sweep's <c>rotation_scan_with_cleanup</c> start gives its
/// <c>mx_bluesky_parameters</c>; each <c>read_hardware_for_callbacks_during_collection</c> event writes the current
/// sweep's master (<c>{file_name}_{run}.nxs</c> and <c>_master.h5</c>), its frames from <c>nexus_vds_start_img</c> on.
/// </summary>
public sealed class RotationNexusFileCallback : PlanReactiveCallback
{
    private readonly TimeProvider _time;
    private readonly Func<DetectorParams, (double X, double Y)> _beamCentre;
    private int? _fullNumberOfImages;
    private int? _metaDataRunNumber;
    private string _multiRunUid = string.Empty;

    /// <summary>Creates the callback.</summary>
    /// <param name="time">The clock for the files' start times.</param>
    /// <param name="beamCentre">Works out the beam centre for detector parameters (see <see cref="NexusWriters.BeamCentreFrom"/>).</param>
    /// <param name="log">Where it logs.</param>
    public RotationNexusFileCallback(TimeProvider time, Func<DetectorParams, (double X, double Y)> beamCentre, ILogger log)
        : base(log)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _beamCentre = beamCentre ?? throw new ArgumentNullException(nameof(beamCentre));
    }

    /// <inheritdoc />
    public override string Name => CallbackNames.RotationNexus;

    /// <summary>The current sweep's writer, once a sweep has started.</summary>
    public NexusWriter? Writer { get; private set; }

    /// <summary>The master files written so far (each sweep's <c>.nxs</c> and <c>_master.h5</c>), latest last.</summary>
    public List<string> WrittenFiles { get; } = [];

    /// <inheritdoc />
    protected override Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var subplan = start.GetString("subplan_name");
        if (subplan == PlanNames.RotationMulti)
        {
            _fullNumberOfImages = Whole(start, "full_num_of_images");
            _metaDataRunNumber = Whole(start, "meta_data_run_number");
            _multiRunUid = start.Uid;
        }

        if (subplan == PlanNames.RotationOuter)
        {
            var parameters = IspybCallbackBase.LoadParameters<SingleRotationScan>(start);
            CallbackLog.NexusStart(Log, start.Uid);
            try
            {
                var runNumber = IspybMapping.RunNumber(parameters.DetectorParams);
                Writer = NexusWriters.ForRotation(parameters, runNumber, _fullNumberOfImages, _metaDataRunNumber, _beamCentre);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FileNotFoundException or FormatException or IOException or UnauthorizedAccessException)
            {
                throw new NexusCallbackException(start.Uid, $"cannot plan the sweep's master files: {e.Message}", e);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task ActivityGatedEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (descriptor is null)
        {
            CallbackLog.Warning(Log, $"Rotation Nexus handler received event {ev.Uid} and has no corresponding descriptor record");
            return Task.CompletedTask;
        }

        if (descriptor.Name != DescriptorNames.HardwareReadDuring)
        {
            return Task.CompletedTask;
        }

        var writer = Writer ?? throw new NexusCallbackException(descriptor.RunStartUid, $"hardware read {ev.Uid} came before any {PlanNames.RotationOuter} start: the Nexus writer is not initialised");
        var reading = NexusHardwareReading.From(new EventData(ev, descriptor.Name));
        WrittenFiles.AddRange(writer.Write(reading, _time.GetUtcNow()));
        CallbackLog.NexusWritten(Log, writer.NexusFile, writer.DataFilename);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (stop.RunStartUid == _multiRunUid)
        {
            // The arming is over: a later collection starts afresh.
            Writer = null;
            (_fullNumberOfImages, _metaDataRunNumber, _multiRunUid) = (null, null, string.Empty);
        }

        return Task.CompletedTask;
    }

    private static int? Whole(RunStart start, string key) =>
        MetadataReader.Double(start.Metadata.GetValueOrDefault(key)) is { } value ? checked((int)value) : null;
}
