using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Nexus;

/// <summary>
/// mx-bluesky's <c>GridscanNexusFileCallback</c>: at the start of a <c>run_gridscan_move_and_tidy</c> run (whose
/// <c>activate_callbacks</c> names it) it reads the grid scan's <c>mx_bluesky_parameters</c> and plans one master per
/// grid; when that run's <c>read_hardware_for_callbacks_during_collection</c> event gives energy, flux, transmission
/// and bit depth, it writes them all (<c>{file_name}_{run}.nxs</c> and <c>_master.h5</c>, the second grid's run one
/// higher and its frames after the first grid's in the shared data files).
/// </summary>
public sealed class GridscanNexusFileCallback : PlanReactiveCallback
{
    private readonly TimeProvider _time;
    private readonly Func<DetectorParams, (double X, double Y)> _beamCentre;
    private IReadOnlyList<NexusWriter> _writers = [];
    private string _runUid = string.Empty;

    /// <summary>Creates the callback.</summary>
    /// <param name="time">The clock for the files' start times.</param>
    /// <param name="beamCentre">Works out the beam centre for detector parameters (see <see cref="NexusWriters.BeamCentreFrom"/>).</param>
    /// <param name="log">Where it logs.</param>
    public GridscanNexusFileCallback(TimeProvider time, Func<DetectorParams, (double X, double Y)> beamCentre, ILogger log)
        : base(log)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _beamCentre = beamCentre ?? throw new ArgumentNullException(nameof(beamCentre));
    }

    /// <inheritdoc />
    public override string Name => CallbackNames.GridscanNexus;

    /// <summary>The writers planned at the last grid scan's start (one per grid), until its run stops.</summary>
    public IReadOnlyList<NexusWriter> Writers => _writers;

    /// <summary>The master files written so far (each grid's <c>.nxs</c> and <c>_master.h5</c>), latest last.</summary>
    public List<string> WrittenFiles { get; } = [];

    /// <inheritdoc />
    protected override Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.GetString("subplan_name") != PlanNames.GridscanOuter)
        {
            return Task.CompletedTask;
        }

        var parameters = IspybCallbackBase.LoadParameters<SpecifiedThreeDGridScan>(start);
        CallbackLog.NexusStart(Log, start.Uid);
        try
        {
            var runNumber = IspybMapping.RunNumber(parameters.DetectorParams);
            _writers = NexusWriters.ForGrids(parameters, runNumber, _beamCentre);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new NexusCallbackException(start.Uid, $"cannot plan the grid scan's master files: {e.Message}", e);
        }

        _runUid = start.Uid;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task ActivityGatedEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (descriptor?.Name != DescriptorNames.HardwareReadDuring)
        {
            return Task.CompletedTask;
        }

        if (_writers.Count == 0)
        {
            // mx-bluesky asserts here; a run that reads hardware outside a grid scan has nothing to write.
            CallbackLog.Warning(Log, $"{Name} received hardware read {ev.Uid} before any {PlanNames.GridscanOuter} start; no master files written");
            return Task.CompletedTask;
        }

        var reading = NexusHardwareReading.From(new EventData(ev, descriptor.Name));
        var now = _time.GetUtcNow();
        foreach (var writer in _writers)
        {
            WrittenFiles.AddRange(writer.Write(reading, now));
            CallbackLog.NexusWritten(Log, writer.NexusFile, writer.DataFilename);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (stop.RunStartUid == _runUid)
        {
            _writers = [];
            _runUid = string.Empty;
        }

        return Task.CompletedTask;
    }
}
