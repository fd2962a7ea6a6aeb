using Hyperion.ChannelAccess.InProcess;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.DbFile;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.SimBeamline.Beam;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Database;
using Hyperion.SimBeamline.Detector;
using Hyperion.SimBeamline.Oav;
using Hyperion.SimBeamline.Samples;
using Hyperion.SimBeamline.Zebra;

namespace Hyperion.SimBeamline;

/// <summary>
/// The twin's PVs: an EPICS record database holding every PV the beamline's devices use (including those dodal
/// skips on s03, which the twin simulates), with motor records that move at VELO with ACCL ramps. Serve it with a
/// <see cref="ChannelAccess.Server.CaServer"/> (it is an <see cref="ChannelAccess.Server.IPvProvider"/>), or use it
/// in-process.
/// </summary>
public sealed class SimulatedBeamline : IAsyncDisposable
{
    private SimulatedBeamline(Beamline definition, RecordDatabase records, string dbText, SampleDefinition sample, OavOptics oavOptics, ApertureModel aperture, UndulatorModel undulator)
    {
        Definition = definition;
        Records = records;
        Provider = new PvOutages(records);
        DbText = dbText;
        Sample = sample;
        var bl = definition.Prefixes.Beamline;
        Smargon = new SmargonSimulation(records, $"{bl}-MO-SGON-01:");
        Beam = new BeamSimulation(records, bl, definition.Prefixes.Insertion, aperture, undulator);
        Backlight = new BacklightSimulation(records, $"{bl}-EA-BL-01:");
        Robot = new RobotSimulation(records, $"{definition.Prefixes.Beamline}-MO-ROBOT-01:");
        Robot.GoniometerHeld += Smargon.SetDisabled;
        GridScan = new FastGridScanSimulation(records, $"{definition.Prefixes.Beamline}-MO-SGON-01:");
        Synchrotron = new SynchrotronSimulation(records);
        Dcm = new DcmSimulation(records, $"{definition.Prefixes.Beamline}-MO-DCM-01:");
        SampleShutter = new SampleShutterSimulation(records, $"{definition.Prefixes.Beamline}-EA-SHTR-01:");
        Attenuator = new AttenuatorSimulation(records, $"{definition.Prefixes.Beamline}-EA-ATTN-01:", $"{definition.Prefixes.Beamline}-MO-DCM-01:");
        Zebra = new ZebraSimulation(records, $"{definition.Prefixes.Beamline}-EA-ZEBRA-01:", $"{definition.Prefixes.Beamline}-MO-SGON-01:");

        // The wiring of i03's hutch: the grid scan's trigger reaches the Zebra's IN3 and its "scan running" level
        // IN4; the Zebra's auto-shutter gate drives the sample shutter.
        GridScan.Triggered += point => Zebra.PulseInput(3, point);
        GridScan.RunningChanged += running => Zebra.SetInput(4, running);
        Zebra.AutoShutterChanged += open => SampleShutter.FollowZebra(open, Zebra.ShutterGateChangedAt);
        Eiger = new EigerSimulation(records, definition.Prefixes.Beamline, sample, Beam, Smargon) { Shutter = SampleShutter.Timeline };
        Zebra.DetectorTriggered += Eiger.Trigger;
        Faults = new FaultInjector(records, Synchrotron, Robot, Provider, Eiger);
        Oav = new OavCameraSimulation(records, definition.Prefixes.Beamline, sample, oavOptics);
    }

    /// <summary>The smargon's coordinate system: stub offsets, real motors, disabled while the robot holds it.</summary>
    public SmargonSimulation Smargon { get; }

    /// <summary>The beam at the sample: ring current, undulator tuning and mini-aperture.</summary>
    public BeamSimulation Beam { get; }

    /// <summary>The backlight's pneumatic travel.</summary>
    public BacklightSimulation Backlight { get; }

    /// <summary>The on-axis viewing camera and its pin-tip plugin (also the image source for pin-tip detection).</summary>
    public OavCameraSimulation Oav { get; }

    /// <summary>The Eiger 16M and its Odin file writers, writing frames of the sample's diffraction.</summary>
    public EigerSimulation Eiger { get; }

    /// <summary>The Zebra: position compare, logic gates, detector trigger and auto shutter.</summary>
    public ZebraSimulation Zebra { get; }

    /// <summary>The sample shutter.</summary>
    public SampleShutterSimulation SampleShutter { get; }

    /// <summary>The binary-filter attenuator.</summary>
    public AttenuatorSimulation Attenuator { get; }

    /// <summary>The monochromator's energy, wavelength and Bragg coupling.</summary>
    public DcmSimulation Dcm { get; }

    /// <summary>The storage ring (current, mode, top-up).</summary>
    public SynchrotronSimulation Synchrotron { get; }

    /// <summary>Fault injection: beam dumps, light curtain, empty positions, motor limits.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The fast grid scan controller.</summary>
    public FastGridScanSimulation GridScan { get; }

    /// <summary>The sample changer.</summary>
    public RobotSimulation Robot { get; }

    /// <summary>The sample on the pin (thaumatin unless another was given).</summary>
    public SampleDefinition Sample { get; }

    /// <summary>The device definitions the twin was built from.</summary>
    public Beamline Definition { get; }

    /// <summary>The records.</summary>
    public RecordDatabase Records { get; }

    /// <summary>
    /// The PVs as clients reach them: the records, less those in an injected outage. Serve this (not
    /// <see cref="Records"/>) so that PV-disconnect faults reach Channel Access clients.
    /// </summary>
    public PvOutages Provider { get; }

    /// <summary>The database as .db text (what <c>hyperion sim --dump-db</c> prints).</summary>
    public string DbText { get; }

    /// <summary>
    /// Builds and starts the twin of <paramref name="beamline"/> (s03 by default, i03 for BL03I PV names) with
    /// <paramref name="sample"/> on the pin (thaumatin by default).
    /// </summary>
    /// <exception cref="SampleException">The sample cannot be simulated.</exception>
    public static SimulatedBeamline Create(string beamline = "s03", TimeProvider? timeProvider = null, MotorDefaults? motorDefaults = null, BeamlineConfiguration? configuration = null, SampleDefinition? sample = null)
    {
        sample ??= SampleDefinition.Thaumatin;
        sample.Validate();
        var definition = I03Beamline.Create(beamline, configuration, includeSimulatorAbsent: true);
        var oavOptics = OavOptics.Load(definition.Configuration);
        var bl = definition.Prefixes.Beamline;
        var aperture = new ApertureModel(BeamlineParameters.Parse(File.ReadAllText(definition.Configuration.BeamlineParametersPath), definition.Configuration.BeamlineParametersPath));
        var undulator = UndulatorModel.Parse(File.ReadAllText(definition.Configuration.UndulatorGapLookupTablePath), definition.Configuration.UndulatorGapLookupTablePath);

        // The twin starts ready for a collection: the large aperture in, the undulator tuned to the DCM's energy.
        var large = aperture.Configuration.AperturePositions[ApertureValue.Large];
        var startingPositions = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [$"{bl}-MO-MAPT-01:X"] = large.ApertureX,
            [$"{bl}-MO-MAPT-01:Y"] = large.ApertureY,
            [$"{bl}-MO-MAPT-01:Z"] = large.ApertureZ,
            [$"{bl}-MO-SCAT-01:X"] = large.ScatterguardX,
            [$"{bl}-MO-SCAT-01:Y"] = large.ScatterguardY,
            [$"{definition.Prefixes.Insertion}-MO-SERVC-01:BLGAPMTR"] = undulator.GapFor(TwinDatabaseBuilder.StartingPositions["-MO-DCM-01:ENERGY"]),
        };
        var dbText = new TwinDatabaseBuilder(motorDefaults, startingPositions).Add(definition).ToDbText()
            + OavCameraRecords.ToDbText($"{bl}-DI-OAV-01:", oavOptics.Width, oavOptics.Height)
            + BacklightSimulation.ToDbText($"{bl}-EA-BL-01:");
        var records = new RecordDatabase(timeProvider ?? TimeProvider.System);
        try
        {
            records.Load(new DbParser().Parse(dbText, $"{beamline}-twin.db"));
            records.Start();
        }
        catch
        {
            records.Dispose();
            throw;
        }

        return new SimulatedBeamline(definition, records, dbText, sample, oavOptics, aperture, undulator);
    }

    /// <summary>
    /// A client that reaches the twin's PVs in-process, with the same behaviour as Channel Access (it passes the same
    /// contract tests): for fast tests that still go through the device layer's PV backends.
    /// </summary>
    /// <remarks>The client's own time-outs run on real time, whatever the twin's clock speed.</remarks>
    public InProcessPvClient CreateClient() => new(Provider);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Oav.DisposeAsync().ConfigureAwait(false);
        await Eiger.DisposeAsync().ConfigureAwait(false);
        await Zebra.DisposeAsync().ConfigureAwait(false);
        await SampleShutter.DisposeAsync().ConfigureAwait(false);
        await Attenuator.DisposeAsync().ConfigureAwait(false);
        await Dcm.DisposeAsync().ConfigureAwait(false);
        await Synchrotron.DisposeAsync().ConfigureAwait(false);
        await GridScan.DisposeAsync().ConfigureAwait(false);
        await Robot.DisposeAsync().ConfigureAwait(false);
        await Backlight.DisposeAsync().ConfigureAwait(false);
        await Beam.DisposeAsync().ConfigureAwait(false);
        await Smargon.DisposeAsync().ConfigureAwait(false);
        Records.Dispose();
    }
}
