using Hyperion.Cli.Parameters;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class ExampleFilesTests
{
    [Fact]
    public void The_twin_example_load_centre_collect_loads_with_its_rotation_and_grid_settings()
    {
        var json = File.ReadAllText(Path.Combine(ReferencePaths.Examples, "twin", "load_centre_collect_full.json"));

        var parameters = Assert.IsType<LoadCentreCollect>(HyperionParameters.LoadForPlan(HyperionPlans.LoadCentreCollectFull, json));

        Assert.Equal(12345, parameters.SampleId);
        Assert.Equal(20, parameters.RobotLoadThenCentre.BoxSizeUm);
        var sweep = Assert.Single(parameters.MultiRotationScan.RotationScans);
        Assert.Equal(90.0, sweep.ScanWidthDeg);
    }
}
