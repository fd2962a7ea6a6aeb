using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;

namespace Hyperion.Cli.Tests.Experiments.LoadCentreCollect;

public sealed class CentreSelectionTests
{
    internal static XRayCentreResult Result(long maxCount, long? sampleId, double x = 0.1, double y = 0.2, double z = 0.3) =>
        new([x, y, z], ([x - 0.01, y - 0.01, z - 0.01], [x + 0.01, y + 0.01, z + 0.01]), maxCount, maxCount * 10, sampleId);

    [Fact]
    public void Top_n_by_max_count_takes_the_highest_first()
    {
        var results = new[] { Result(5, 1), Result(50, 2), Result(20, 3), Result(50, 4) };

        var selected = CentreSelection.TopNByMaxCount(results, 3);

        Assert.Equal([2L, 4L, 3L], selected.Select(r => r.SampleId!.Value));
    }

    [Fact]
    public void Top_n_for_each_sample_keeps_samples_in_order_of_appearance()
    {
        var results = new[] { Result(5, 2), Result(50, 1), Result(20, 2), Result(30, 1), Result(40, 2), Result(1, 1) };

        var selected = CentreSelection.TopNByMaxCountForEachSample(results, 2);

        Assert.Equal([(2L, 40L), (2L, 20L), (1L, 50L), (1L, 30L)], selected.Select(r => (r.SampleId!.Value, r.MaxCount)));
    }

    [Fact]
    public void Asking_for_more_than_there_are_returns_them_all()
    {
        Assert.Equal(2, CentreSelection.TopNByMaxCount([Result(1, 1), Result(2, 1)], 5).Count);
        Assert.Empty(CentreSelection.TopNByMaxCount([Result(1, 1)], 0));
    }

    [Fact]
    public async Task Selected_centres_without_a_sample_id_are_not_collected_and_positions_are_in_microns()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();

        var plan = CentreSelection.SamplesAndLocationsToCollect(
            new TopNByMaxCountSelection { N = 3 }, devices.Smargon, 99, [Result(5, null), Result(7, 3, 0.4, 0.5, 0.6)]);
        sim.SimulatePlan(plan);
        var chosen = Assert.IsType<List<(long SampleId, double[] LocationUm)>>(sim.ReturnValue);

        var (sampleId, location) = Assert.Single(chosen);
        Assert.Equal(3, sampleId);
        Assert.Equal([400.0, 500.0, 600.0], location.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public async Task With_no_results_the_default_sample_is_collected_where_the_gonio_is()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(devices.Smargon.X.UserReadback, 0.1);
        sim.AddReadHandlerFor(devices.Smargon.Y.UserReadback, 0.2);
        sim.AddReadHandlerFor(devices.Smargon.Z.UserReadback, 0.3);

        sim.SimulatePlan(CentreSelection.SamplesAndLocationsToCollect(new TopNByMaxCountSelection { N = 1 }, devices.Smargon, 99, null));

        var (sampleId, location) = Assert.Single(Assert.IsType<List<(long SampleId, double[] LocationUm)>>(sim.ReturnValue));
        Assert.Equal(99, sampleId);
        Assert.Equal([100.0, 200.0, 300.0], location.Select(v => Math.Round(v, 9)));
    }
}
