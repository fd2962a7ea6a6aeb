namespace Hyperion.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public class SimCommandTests
{
    [Fact]
    public async Task Dump_db_prints_a_motor_record_for_every_smargon_axis()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("sim", "--dump-db");
        Assert.Equal(0, code);
        foreach (var axis in new[] { "X", "Y", "Z", "OMEGA", "CHI", "PHI" })
        {
            Assert.Contains($"record(motor, \"BL03S-MO-SGON-01:{axis}\")", output, StringComparison.Ordinal);
        }

        Assert.Contains("record(mbbo, \"BL03S-EA-SHTR-01:CTRL2\")", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_sample_prints_as_json_that_loads_back()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("sim", "--print-sample");
        Assert.Equal(0, code);
        var sample = Hyperion.SimBeamline.Samples.SampleDefinition.FromJson(output);
        Assert.Equal("P41212", sample.Crystal.SpaceGroup);
    }

    [Fact]
    public async Task A_bad_sample_file_is_refused_naming_the_field()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{"crystal": {"size_um": {"x": 5, "y": 5, "z": 5}, "position_mm": {"x": 0, "y": 0, "z": 0}, "unit_cell": {"a": 0, "b": 5, "c": 5, "alpha": 90, "beta": 90, "gamma": 90}}}""");
            var (code, _, error) = await ConsoleCapture.RunHyperionAsync("sim", "--sample", file);
            Assert.Equal(2, code);
            Assert.Contains("crystal.unit_cell.a: must be a positive length", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_clock_speed_that_is_not_positive_is_refused()
    {
        var (code, _, error) = await ConsoleCapture.RunHyperionAsync("sim", "--speed", "-2");
        Assert.Equal(2, code);
        Assert.Contains("positive", error, StringComparison.Ordinal);
    }
}
