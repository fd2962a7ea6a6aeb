using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.Simulation;

public class LimitCheckerTests
{
    [Fact]
    public async Task Check_limits_passes_a_plan_inside_the_limits_without_moving_anything()
    {
        var motor = new SynAxis("motor") { LowLimit = -2, HighLimit = 2 };
        var det = new SynGauss("det", motor);

        var warnings = await LimitChecker.CheckLimitsAsync(Bp.Scan([det], motor, -1, 1, 3));

        Assert.Empty(warnings);
        Assert.Equal(0, motor.MoveCount);
        Assert.Equal(0, det.TriggerCount);
    }

    [Fact]
    public async Task Check_limits_raises_for_a_SynAxis_asked_to_go_outside_its_limits()
    {
        var motor = new SynAxis("motor") { LowLimit = -2, HighLimit = 2 };
        var det = new SynGauss("det", motor);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LimitChecker.CheckLimitsAsync(Bp.Scan([det], motor, -3, 3, 3)));

        Assert.Contains("motor cannot move to -3 mm: outside its limits [-2, 2] mm", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, motor.MoveCount);
    }

    [Fact]
    public async Task Check_limits_raises_when_the_limits_are_equal_and_the_target_differs()
    {
        var motor = new SynAxis("motor") { LowLimit = 2, HighLimit = 2 };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LimitChecker.CheckLimitsAsync(Bp.Scan([new SynGauss("det")], motor, -1, 1, 3)));
    }

    [Fact]
    public async Task Objects_that_cannot_check_their_limits_are_warned_about_once()
    {
        var shutter = new SynSignal("shutter");

        var warnings = await LimitChecker.CheckLimitsAsync(Plan.From(
            new Msg("set", shutter, 1), new Msg("set", shutter, 0), new Msg("set", new SynAxis("x") { HighLimit = 5 }, 1.0)));

        var warning = Assert.Single(warnings);
        Assert.Equal("shutter has no CheckValueAsync (it is not ICheckable) to check whether 1 is within its limits.", warning);
    }

    [Fact]
    public async Task A_plan_that_fails_while_being_checked_propagates_its_exception()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => LimitChecker.CheckLimitsAsync(FailingPlan()));
    }

    private static async Plan FailingPlan()
    {
        await Stubs.Null();
        throw new InvalidOperationException("no beamline parameters");
    }
}
