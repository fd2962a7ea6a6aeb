namespace Hyperion.Devices.Beamlines;

/// <summary>
/// Where a beamline's configuration files are: the GDA beamline parameters, the OAV zoom levels and display
/// configuration, the undulator gap lookup table and the DAQ configuration folder. <see cref="Dls"/> gives the
/// paths dodal uses at Diamond; the twin points them at its own copies.
/// </summary>
public sealed record BeamlineConfiguration
{
    /// <summary>The DAQ configuration folder.</summary>
    public required string DaqConfigurationPath { get; init; }

    /// <summary>The GDA beamline parameters file (aperture positions, beamstop positions, ...).</summary>
    public required string BeamlineParametersPath { get; init; }

    /// <summary>The OAV zoom levels file (jCameraManZoomLevels.xml).</summary>
    public required string OavZoomParametersPath { get; init; }

    /// <summary>The OAV display configuration (beam centre per zoom level).</summary>
    public required string OavDisplayConfigurationPath { get; init; }

    /// <summary>The undulator gap lookup table.</summary>
    public required string UndulatorGapLookupTablePath { get; init; }

    /// <summary>
    /// The copies of i03's files that ship with the device library (next to the assembly, in Beamlines/Config): what
    /// a laptop or CI uses when no other configuration is given.
    /// </summary>
    public static BeamlineConfiguration Bundled()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Beamlines", "Config");
        return new BeamlineConfiguration
        {
            DaqConfigurationPath = folder,
            BeamlineParametersPath = Path.Combine(folder, "beamlineParameters"),
            OavZoomParametersPath = Path.Combine(folder, "jCameraManZoomLevels.xml"),
            OavDisplayConfigurationPath = Path.Combine(folder, "display.configuration"),
            UndulatorGapLookupTablePath = Path.Combine(folder, "BeamLine_Undulator_toGap.txt"),
        };
    }

    /// <summary>The paths dodal uses for <paramref name="beamline"/> at Diamond.</summary>
    public static BeamlineConfiguration Dls(string beamline)
    {
        var daq = $"/dls_sw/{beamline}/software/daq_configuration";
        return new BeamlineConfiguration
        {
            DaqConfigurationPath = daq,
            BeamlineParametersPath = $"{daq}/domain/beamlineParameters",
            OavZoomParametersPath = $"/dls_sw/{beamline}/software/gda/configurations/{beamline}-config/xml/jCameraManZoomLevels.xml",
            OavDisplayConfigurationPath = $"/dls_sw/{beamline}/software/gda_versions/var/display.configuration",
            UndulatorGapLookupTablePath = $"{daq}/lookup/BeamLine_Undulator_toGap.txt",
        };
    }
}
