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

namespace Hyperion.Devices.Beamlines;

/// <summary>
/// The i03 beamline as dodal defines it (src/dodal/beamlines/i03.py), and s03, its simulated twin with the BL03S and
/// SR03S prefixes. Devices are named after dodal's factories and built with dodal's prefixes. The devices dodal
/// skipped on s03 (vfm, mirror voltages, detector motion, eiger, OAV, pin-tip detection, synchrotron, sample shutter,
/// flux in its late-2024 i03.py) are absent there unless <c>includeSimulatorAbsent</c> asks for them, as a twin that
/// simulates them does.
/// </summary>
public static class I03Beamline
{
    /// <summary>
    /// The beamline <paramref name="name"/> (i03 or s03; default $BEAMLINE, else i03 as in dodal's newest i03.py).
    /// </summary>
    /// <exception cref="ArgumentException">The name is neither i03 nor s03.</exception>
    public static Beamline Create(string? name = null, BeamlineConfiguration? configuration = null, BeamlineServices? services = null, bool includeSimulatorAbsent = false)
    {
        name ??= Environment.GetEnvironmentVariable("BEAMLINE") ?? "i03";
        if (name is not ("i03" or "s03"))
        {
            throw new ArgumentException($"'{name}' is not i03 or s03: these are the beamlines defined here.", nameof(name));
        }

        return new Beamline(name, Factories(services ?? new BeamlineServices(), includeSimulatorAbsent), configuration);
    }

    private static IEnumerable<DeviceFactory> Factories(BeamlineServices services, bool includeSimulatorAbsent)
    {
        var absent = !includeSimulatorAbsent;
        BeamlineParameters? parameters = null;
        BeamlineParameters Parameters(Beamline b) =>
            parameters ??= BeamlineParameters.Parse(File.ReadAllText(b.Configuration.BeamlineParametersPath), b.Configuration.BeamlineParametersPath);
        static string Bl(Beamline b) => b.Prefixes.Beamline;

        yield return new("aperture_scatterguard", b => new ApertureScatterguard(
            $"{Bl(b)}-MO-MAPT-01:", $"{Bl(b)}-MO-SCAT-01:", ApertureScatterguardConfiguration.Load(Parameters(b)), AperturePosition.TolerancesFromGdaParams(Parameters(b))));
        yield return new("beamsize", b => new Beamsize(b.Get<ApertureScatterguard>("aperture_scatterguard")));
        yield return new("attenuator", b => new BinaryFilterAttenuator($"{Bl(b)}-EA-ATTN-01:", 16));
        yield return new("beamstop", b => new Beamstop($"{Bl(b)}-MO-BS-01:", Parameters(b)));
        yield return new("dcm", b => new Dcm($"{Bl(b)}-MO-DCM-01:"));
        yield return new("backlight", b => new Backlight(Bl(b)));
        yield return new("detector_motion", b => new DetectorMotion($"{Bl(b)}-MO-DET-01:", $"{Bl(b)}-MO-PMAC-02:"), absent);
        yield return new("eiger", b => new EigerDetector($"{Bl(b)}-EA-EIGER-01:", beamline: b.Prefixes.Name), absent);
        yield return new("zebra_fast_grid_scan", b => new ZebraFastGridScan($"{Bl(b)}-MO-SGON-01:"));
        yield return new("oav", b => new OavBeamCentreFile($"{Bl(b)}-DI-OAV-01:", new OavConfigBeamCentre(b.Configuration.OavZoomParametersPath, b.Configuration.OavDisplayConfigurationPath)), absent);
        yield return new("pin_tip_detection", b => new PinTipDetection($"{Bl(b)}-DI-OAV-01:", services.OavImages ?? new UnconfiguredOavImageSource()), absent);
        yield return new("smargon", b => new Smargon($"{Bl(b)}-MO-SGON-01:"));
        yield return new("s4_slit_gaps", b => new S4SlitGaps($"{Bl(b)}-AL-SLITS-04:"));
        yield return new("synchrotron", _ => new Synchrotron(), absent);
        yield return new("undulator", b => new UndulatorInKeV($"{b.Prefixes.Insertion}-MO-SERVC-01:", b.Configuration.UndulatorGapLookupTablePath, baton: b.Get<Baton>("baton")));
        yield return new("zebra", b => new Zebra($"{Bl(b)}-EA-ZEBRA-01:", ZebraMapping.I03));
        yield return new("sample_shutter", b => new ZebraShutter($"{Bl(b)}-EA-SHTR-01:"), absent);
        yield return new("flux", b => new Flux($"{Bl(b)}-MO-FLUX-01:"), absent);
        yield return new("xbpm_feedback", b => new XbpmFeedback($"{Bl(b)}-EA-FDBK-01:", b.Get<Baton>("baton")));
        yield return new("zocalo", _ => new ZocaloResults(services.ZocaloResults ?? new UnconfiguredZocaloResultsSource(), timeout: services.ZocaloTimeout));
        yield return new("robot", b => new BartRobot($"{Bl(b)}-MO-ROBOT-01:"));
        yield return new("thawer", b => new Thawer($"{Bl(b)}-EA-THAW-01"));
        yield return new("lower_gonio", b => new XyzStage($"{Bl(b)}-MO-GONP-01:"));
        yield return new("cryostream", b => new OxfordCryoStream($"{Bl(b)}-EA-CSTRM-01:"));
        yield return new("cryojet", b => new OxfordCryoJet($"{Bl(b)}-EA-CJET-01:"));
        yield return new("cryostream_gantry", b => new CryoStreamGantry(Bl(b)));
        yield return new("baton", b => new Baton($"{Bl(b)}-CS-BATON-01:"));
    }
}
