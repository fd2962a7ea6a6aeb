using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Cli.Callbacks.Nexus;
using Hyperion.Cli.Callbacks.RobotActions;
using Hyperion.Cli.Callbacks.SampleHandling;
using Hyperion.Cli.Callbacks.Zocalo;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Callbacks;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks;

/// <summary>
/// The callbacks Hyperion subscribes by default (mx-bluesky's <c>setup_callbacks</c>): grid and rotation NeXus, grid
/// and rotation ISPyB, each feeding its Zocalo callback, robot load ISPyB and sample handling, on one ordered queue. Subscribe
/// <see cref="Callback"/> to the RunEngine; await <see cref="DrainAsync"/> at plan end.
/// </summary>
public sealed class HyperionCallbacks : IAsyncDisposable
{
    private readonly DocumentQueue _queue;

    private HyperionCallbacks(
        DocumentQueue queue,
        GridscanNexusFileCallback gridNexus,
        RotationNexusFileCallback rotationNexus,
        GridscanIspybCallback grid,
        RotationIspybCallback rotation,
        RobotLoadIspybCallback robot,
        SampleHandlingCallback sample)
    {
        _queue = queue;
        GridscanNexus = gridNexus;
        RotationNexus = rotationNexus;
        Gridscan = grid;
        Rotation = rotation;
        RobotLoad = robot;
        SampleHandling = sample;
    }

    /// <summary>The callback to subscribe to the RunEngine (it only enqueues).</summary>
    public DocumentCallback Callback => _queue.Callback;

    /// <summary>The grid scan NeXus callback.</summary>
    public GridscanNexusFileCallback GridscanNexus { get; }

    /// <summary>The rotation NeXus callback.</summary>
    public RotationNexusFileCallback RotationNexus { get; }

    /// <summary>The grid-detect-and-scan ISPyB callback.</summary>
    public GridscanIspybCallback Gridscan { get; }

    /// <summary>The rotation ISPyB callback.</summary>
    public RotationIspybCallback Rotation { get; }

    /// <summary>The robot load ISPyB callback.</summary>
    public RobotLoadIspybCallback RobotLoad { get; }

    /// <summary>The sample handling callback.</summary>
    public SampleHandlingCallback SampleHandling { get; }

    /// <summary>Builds the default callbacks.</summary>
    /// <param name="store">The ISPyB store.</param>
    /// <param name="zocalo">The Zocalo trigger transport.</param>
    /// <param name="zocaloEnvironment">The Zocalo environment name.</param>
    /// <param name="loggers">Makes the loggers.</param>
    /// <param name="time">The clock.</param>
    /// <param name="configuration">Where the beamline's configuration files are (the NeXus callbacks' beam-centre table);
    /// the bundled copies when null.</param>
    public static HyperionCallbacks Create(
        IIspybStore store, IZocaloTriggerTransport zocalo, string zocaloEnvironment, ILoggerFactory loggers, TimeProvider time, BeamlineConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(zocalo);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(time);
        var log = loggers.CreateLogger("Hyperion.Callbacks.IspybZocalo");
        var trigger = new ZocaloTrigger(zocalo, zocaloEnvironment, loggers.CreateLogger<ZocaloTrigger>());
        var beamline = configuration ?? BeamlineConfiguration.Bundled();
        Func<DetectorParams, (double X, double Y)> beamPositionMm = p => EigerParameters.ToEigerParams(p, beamline).GetBeamPositionMm(p.DetectorDistance);
        var grid = new GridscanIspybCallback(
            store,
            time,
            log,
            new ZocaloCallback(PlanNames.DoFgs, trigger, () => new OmegaMapStartInfoGenerator([GridscanParamConstants.Omega1, GridscanParamConstants.Omega2])))
        {
            BeamPositionMm = beamPositionMm,
        };
        var rotation = new RotationIspybCallback(store, time, log, new ZocaloCallback(PlanNames.RotationMulti, trigger, () => new OrderedRunsStartInfoGenerator()))
        {
            BeamPositionMm = beamPositionMm,
        };
        var robot = new RobotLoadIspybCallback(store, time, log);
        var sample = new SampleHandlingCallback(store, log);
        var beamCentre = NexusWriters.BeamCentreFrom(beamline);
        var nexusLog = loggers.CreateLogger("Hyperion.Callbacks.Nexus");
        var gridNexus = new GridscanNexusFileCallback(time, beamCentre, nexusLog);
        var rotationNexus = new RotationNexusFileCallback(time, beamCentre, nexusLog);

        // As mx-bluesky's setup_callbacks: each NeXus callback ahead of its ISPyB callback.
        var queue = new DocumentQueue([gridNexus, grid, rotationNexus, rotation, robot, sample], loggers.CreateLogger<DocumentQueue>());
        return new HyperionCallbacks(queue, gridNexus, rotationNexus, grid, rotation, robot, sample);
    }

    /// <summary>Waits until every document so far is handled; throws <see cref="CallbackFailuresException"/> if any failed.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task DrainAsync(CancellationToken cancellationToken) => _queue.DrainAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _queue.DisposeAsync();
}
