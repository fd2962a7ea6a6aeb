using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.Simulation;

public class PlanSummaryTests
{
    [Fact]
    public void Summary_of_a_scan_matches_the_golden_file()
    {
        var motor = new SynAxis("motor");
        var det = new SynGauss("det", motor);

        var summary = PlanSummary.Summarize(Bp.Scan([det], motor, -1, 1, 5));

        GoldenFile.AssertMatches("scan_summary.txt", summary);
    }

    [Fact]
    public void Summary_of_a_snaking_grid_scan_matches_the_golden_file()
    {
        var motor1 = new SynAxis("motor1");
        var motor2 = new SynAxis("motor2");
        var det = new SynGauss("det", motor1);

        var summary = PlanSummary.Summarize(Bp.GridScan([det], [(motor1, -1.5, 1.5, 3), (motor2, 0.1, 0.3, 3)], snakeAxes: true));

        GoldenFile.AssertMatches("grid_scan_summary.txt", summary);
    }

    [Fact]
    public void Summary_is_returned_and_written_to_the_writer()
    {
        using var output = new StringWriter();

        var summary = PlanSummary.Summarize(TwoRuns(new SynAxis("x"), new SynGauss("det")), output);

        Assert.Equal(summary, output.ToString());
        Assert.Equal(
            [
                "=================================== Open Run ===================================",
                "x -> 1.0",
                "  Read ['det']",
                "================================== Close Run ===================================",
                "=================================== Open Run ===================================",
                "================================== Close Run ===================================",
            ],
            summary.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Summary_up_to_a_failure_is_still_written_and_the_plan_exception_propagates()
    {
        using var output = new StringWriter();

        Assert.Throws<InvalidOperationException>(() => PlanSummary.Summarize(OpenRunThenFail(), output));

        Assert.Equal("=================================== Open Run ===================================\n", output.ToString());
    }

    [Fact]
    public async Task Summary_wrapper_passes_messages_through_on_a_run_engine()
    {
        using var engine = new RunEngine();
        using var output = new StringWriter();
        var motor = new SynAxis("motor");
        var det = new SynGauss("det", motor);
        var events = 0;

        var result = await engine.RunAsync(PlanSummary.Wrap(Bp.Scan([det], motor, 0, 1, 2), output), [(_, d) => events += d is Event ? 1 : 0]);

        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(2, events);
        Assert.Equal(1.0, motor.Position);
        Assert.Contains("motor -> 0.0\n  Read ['det', 'motor']\nmotor -> 1.0\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Print_messages_lists_every_message_one_per_line()
    {
        var motor = new SynAxis("motor");
        using var output = new StringWriter();

        var text = PlanSimulator.PrintMessages(Plan.From(new Msg("open_run"), new Msg("set", motor, 1.5), new Msg("close_run")), output);

        Assert.Equal(text, output.ToString());
        Assert.Equal(
            [
                "Msg('open_run', obj=None, args=(), kwargs={}, run=None)",
                "Msg('set', obj=motor, args=(1.5,), kwargs={}, run=None)",
                "Msg('close_run', obj=None, args=(), kwargs={}, run=None)",
            ],
            text.TrimEnd('\n').Split('\n'));
    }

    private static async Plan TwoRuns(SynAxis x, SynGauss det)
    {
        await Stubs.OpenRun();
        await Stubs.Mv(x, 1.0);
        await Stubs.TriggerAndRead([det]);
        await Stubs.CloseRun();
        await Stubs.OpenRun();
        await Stubs.CloseRun();
    }

    private static async Plan OpenRunThenFail()
    {
        await Stubs.OpenRun();
        throw new InvalidOperationException("no sample");
    }
}
