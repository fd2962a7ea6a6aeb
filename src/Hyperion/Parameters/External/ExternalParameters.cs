namespace Hyperion.Cli.Parameters;

/// <summary>Builds internal parameters from the few values an external caller gives (mx-bluesky's BlueAPI
/// conversions).</summary>
public static class ExternalParameters
{
    /// <summary>Pin-tip then X-ray centring of a single-sample pin at the default detector distance, with files named
    /// <c>xrc</c> (mx-bluesky's pin_tip_centre_then_xray_centre_to_internal).</summary>
    /// <exception cref="ParameterValidationException">A value breaks a rule.</exception>
    public static PinTipCentreThenXrayCentre PinTipCentreThenXrayCentreToInternal(
        string visit, string storageDirectory, long sampleId, int samplePuck, int samplePin)
    {
        var (tipOffset, gridWidth) = new SingleSamplePinTypeParam().TipOffsetAndGridWidth;
        return HyperionParameters.Load<PinTipCentreThenXrayCentre>(new System.Text.Json.Nodes.JsonObject
        {
            ["visit"] = visit,
            ["storage_directory"] = storageDirectory,
            ["file_name"] = "xrc",
            ["parameter_model_version"] = MxBlueskyParameters.ParameterVersion.ToString(),
            ["demand_energy_ev"] = null,
            ["sample_id"] = sampleId,
            ["sample_puck"] = samplePuck,
            ["sample_pin"] = samplePin,
            ["detector_distance_mm"] = HardwareConstants.DefaultDetectorDistanceMm,
            ["tip_offset_um"] = tipOffset,
            ["grid_width_um"] = gridWidth,
            ["exposure_time_s"] = GridscanParamConstants.ExposureTimeS,
            ["transmission_frac"] = 1.0,
        });
    }
}
