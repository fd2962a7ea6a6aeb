using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Devices.Tests.Mx.Aperture;

public class BeamlineParametersTests
{
    [Fact]
    public async Task The_i03_file_parses_numbers_booleans_lists_strings_and_keywords()
    {
        var parameters = await BeamlineParameters.FromFileAsync(TestDataFiles.BeamlineParameters);
        Assert.Equal(2.43, parameters["miniap_x_SMALL_APERTURE"]);
        Assert.Equal(10L, parameters["sg_x_timeout"]);
        Assert.Equal(48.0, parameters.GetDouble("in_beam_z_LOWRES"));
        Assert.Equal(true, parameters["gonio_parking_enabled"]);
        Assert.Equal(false, parameters["dual_mirror_enabled"]);
        Assert.Equal(new object[] { 2.0, 0.5 }, parameters["pin_to_beam"]);
        Assert.Equal("i03", parameters["beamline_name"]);
        Assert.Equal("deadtime", parameters["attenuation_optimisation_type"]);
        Assert.Equal("FULL", parameters["fluorescence_mode"]);
        Assert.Equal("1.2.3", parameters["broken_value"]);
        Assert.Contains(parameters.Unparsed, m => m.Contains("'1.2.3' is not a Python literal", StringComparison.Ordinal));
        Assert.Equal("15.8", parameters.GetString("miniap_z_SMALL_APERTURE"));
    }

    [Fact]
    public void Whitespace_and_comments_are_removed_and_only_single_equals_lines_count()
    {
        var parameters = BeamlineParameters.Parse("a = 1 # one\n  b\t=  2 . 5\nc = d = 3\n# e = 4\nf = 'x y'\ng=No\nh = None\n");
        Assert.Equal(1L, parameters["a"]);
        Assert.Equal(2.5, parameters["b"]);
        Assert.False(parameters.Parameters.ContainsKey("c"));
        Assert.False(parameters.Parameters.ContainsKey("e"));
        Assert.Equal("xy", parameters["f"]);
        Assert.Equal(false, parameters["g"]);

        // "No" becomes "False" inside "None" too, so it does not parse and stays raw, as in dodal.
        Assert.Equal("None", parameters["h"]);
    }

    [Fact]
    public void A_missing_key_or_a_non_number_is_a_typed_error()
    {
        var parameters = BeamlineParameters.Parse("name = 'i03'\n");
        Assert.Equal("The beamline parameters have no 'x'.", Assert.Throws<KeyNotFoundException>(() => parameters.GetDouble("x")).Message);
        Assert.Equal("Beamline parameter 'name' is 'i03', not a number.", Assert.Throws<FormatException>(() => parameters.GetDouble("name")).Message);
    }

    [Fact]
    public async Task The_configuration_takes_dodals_gda_positions_and_diameters()
    {
        var parameters = await BeamlineParameters.FromFileAsync(TestDataFiles.BeamlineParameters);
        var config = ApertureScatterguardConfiguration.Load(parameters);
        Assert.Equal(new AperturePosition(2.389, 40.986, 15.8, 5.25, 4.43, 100), config.AperturePositions[ApertureValue.Large]);
        Assert.Equal(new AperturePosition(2.384, 44.967, 15.8, 5.285, 0.46, 50), config.AperturePositions[ApertureValue.Medium]);
        Assert.Equal(new AperturePosition(2.43, 48.974, 15.8, 5.3375, -3.55, 20), config.AperturePositions[ApertureValue.Small]);
        Assert.Equal(new AperturePosition(2.386, 31.4, 15.8, 5.25, 4.43, double.PositiveInfinity), config.AperturePositions[ApertureValue.OutOfBeam]);
        Assert.Equal(new AperturePosition(-4.91, -49.0, -10.0, -4.7, 1.8, double.PositiveInfinity), config.AperturePositions[ApertureValue.Parked]);
        Assert.False(config.AperturePositions.ContainsKey(ApertureValue.ScinMove));
        Assert.Equal((-4.91, -4.75), (config.ScintillatorMoveApertureX, config.ScintillatorMoveScatterguardX));
        Assert.Equal([0.004, 0.1, 0.1, 0.1, 0.1], AperturePosition.TolerancesFromGdaParams(parameters).Values);
    }
}
