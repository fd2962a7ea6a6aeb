using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.GridScan;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Mx.Optics;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Cli.Experiments;

/// <summary>
/// The devices Hyperion's plans drive, taken from a beamline by dodal's names (mx-bluesky's composites, merged into
/// one: LoadCentreCollectComposite holds every device the others do). Built from i03 or s03, on real PVs, the twin
/// or mock backends.
/// </summary>
public sealed class HyperionDevices
{
    private HyperionDevices(Beamline beamline)
    {
        Beamline = beamline;
        ApertureScatterguard = beamline.Get<ApertureScatterguard>("aperture_scatterguard");
        Beamsize = beamline.Get<Beamsize>("beamsize");
        Attenuator = beamline.Get<BinaryFilterAttenuator>("attenuator");
        Backlight = beamline.Get<Backlight>("backlight");
        Baton = beamline.Get<Baton>("baton");
        Beamstop = beamline.Get<Beamstop>("beamstop");
        Cryojet = beamline.Get<OxfordCryoJet>("cryojet");
        Cryostream = beamline.Get<OxfordCryoStream>("cryostream");
        CryostreamGantry = beamline.Get<CryoStreamGantry>("cryostream_gantry");
        Dcm = beamline.Get<Dcm>("dcm");
        DetectorMotion = beamline.Get<DetectorMotion>("detector_motion");
        Eiger = beamline.Get<EigerDetector>("eiger");
        Flux = beamline.Get<Flux>("flux");
        LowerGonio = beamline.Get<XyzStage>("lower_gonio");
        Oav = beamline.Get<OavBeamCentreFile>("oav");
        PinTipDetection = beamline.Get<PinTipDetection>("pin_tip_detection");
        Robot = beamline.Get<BartRobot>("robot");
        S4SlitGaps = beamline.Get<S4SlitGaps>("s4_slit_gaps");
        SampleShutter = beamline.Get<ZebraShutter>("sample_shutter");
        Smargon = beamline.Get<Smargon>("smargon");
        Synchrotron = beamline.Get<Synchrotron>("synchrotron");
        Thawer = beamline.Get<Thawer>("thawer");
        Undulator = beamline.Get<UndulatorInKeV>("undulator");
        XbpmFeedback = beamline.Get<XbpmFeedback>("xbpm_feedback");
        Zebra = beamline.Get<Zebra>("zebra");
        ZebraFastGridScan = beamline.Get<ZebraFastGridScan>("zebra_fast_grid_scan");
        Zocalo = beamline.Get<ZocaloResults>("zocalo");
    }

    /// <summary>The beamline the devices come from.</summary>
    public Beamline Beamline { get; }

    /// <summary>aperture_scatterguard.</summary>
    public ApertureScatterguard ApertureScatterguard { get; }

    /// <summary>beamsize.</summary>
    public Beamsize Beamsize { get; }

    /// <summary>attenuator.</summary>
    public BinaryFilterAttenuator Attenuator { get; }

    /// <summary>backlight.</summary>
    public Backlight Backlight { get; }

    /// <summary>baton.</summary>
    public Baton Baton { get; }

    /// <summary>beamstop.</summary>
    public Beamstop Beamstop { get; }

    /// <summary>cryojet.</summary>
    public OxfordCryoJet Cryojet { get; }

    /// <summary>cryostream.</summary>
    public OxfordCryoStream Cryostream { get; }

    /// <summary>cryostream_gantry.</summary>
    public CryoStreamGantry CryostreamGantry { get; }

    /// <summary>dcm.</summary>
    public Dcm Dcm { get; }

    /// <summary>detector_motion.</summary>
    public DetectorMotion DetectorMotion { get; }

    /// <summary>eiger.</summary>
    public EigerDetector Eiger { get; }

    /// <summary>flux.</summary>
    public Flux Flux { get; }

    /// <summary>lower_gonio.</summary>
    public XyzStage LowerGonio { get; }

    /// <summary>oav.</summary>
    public OavBeamCentreFile Oav { get; }

    /// <summary>pin_tip_detection.</summary>
    public PinTipDetection PinTipDetection { get; }

    /// <summary>robot.</summary>
    public BartRobot Robot { get; }

    /// <summary>s4_slit_gaps.</summary>
    public S4SlitGaps S4SlitGaps { get; }

    /// <summary>sample_shutter.</summary>
    public ZebraShutter SampleShutter { get; }

    /// <summary>smargon.</summary>
    public Smargon Smargon { get; }

    /// <summary>synchrotron.</summary>
    public Synchrotron Synchrotron { get; }

    /// <summary>thawer.</summary>
    public Thawer Thawer { get; }

    /// <summary>undulator.</summary>
    public UndulatorInKeV Undulator { get; }

    /// <summary>xbpm_feedback.</summary>
    public XbpmFeedback XbpmFeedback { get; }

    /// <summary>zebra.</summary>
    public Zebra Zebra { get; }

    /// <summary>zebra_fast_grid_scan.</summary>
    public ZebraFastGridScan ZebraFastGridScan { get; }

    /// <summary>zocalo.</summary>
    public ZocaloResults Zocalo { get; }

    /// <summary>Every device, for <c>GET /devices</c> and for connecting.</summary>
    public IReadOnlyList<Device> All =>
    [
        ApertureScatterguard, Attenuator, Backlight, Baton, Beamsize, Beamstop, Cryojet, Cryostream, CryostreamGantry, Dcm, DetectorMotion, Eiger, Flux, LowerGonio, Oav,
        PinTipDetection, Robot, S4SlitGaps, SampleShutter, Smargon, Synchrotron, Thawer, Undulator, XbpmFeedback, Zebra,
        ZebraFastGridScan, Zocalo,
    ];

    /// <summary>
    /// The devices of <paramref name="beamline"/>. On s03 the beamline must have been made with
    /// <c>includeSimulatorAbsent</c>, as the twin simulates the devices dodal skips there.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The beamline lacks one of the devices.</exception>
    public static HyperionDevices From(Beamline beamline)
    {
        ArgumentNullException.ThrowIfNull(beamline);
        return new HyperionDevices(beamline);
    }

    /// <summary>Connects every device; the report names those that failed and why.</summary>
    public async Task<DeviceConnectionReport> ConnectAsync(DeviceConnectOptions options, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(All.Select(async device =>
        {
            try
            {
                await device.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
                return (device.Name, Error: (Exception?)null);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                return (device.Name, Error: e);
            }
        })).ConfigureAwait(false);
        return new DeviceConnectionReport(
            [.. results.Where(r => r.Error is null).Select(r => r.Name)],
            results.Where(r => r.Error is not null).ToDictionary(r => r.Name, r => r.Error!, StringComparer.Ordinal));
    }

    /// <summary>
    /// The devices of <paramref name="beamline"/> (i03 or s03, with the devices dodal skips on s03, as the twin
    /// simulates them) using <paramref name="services"/>, connected with <paramref name="connect"/> unless it is null.
    /// </summary>
    /// <exception cref="DeviceConnectionFailedException">A device did not connect; the report names each with its error.</exception>
    public static async Task<HyperionDevices> CreateAsync(string beamline, BeamlineServices? services, DeviceConnectOptions? connect, CancellationToken cancellationToken = default)
    {
        var devices = From(I03Beamline.Create(beamline, services: services, includeSimulatorAbsent: true));
        if (connect is not null)
        {
            var report = await devices.ConnectAsync(connect, cancellationToken).ConfigureAwait(false);
            if (!report.AllConnected)
            {
                throw new DeviceConnectionFailedException(report);
            }
        }

        return devices;
    }

    /// <summary>
    /// s03's devices connected to mock backends (with <paramref name="services"/> where given): for plan unit tests
    /// with the RunEngine simulator.
    /// </summary>
    public static Task<HyperionDevices> CreateMockAsync(BeamlineServices? services = null, CancellationToken cancellationToken = default) =>
        CreateAsync("s03", services, new DeviceConnectOptions { Mock = true }, cancellationToken);
}
