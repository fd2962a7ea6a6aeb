using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class CyclerAndPatternTests
{
    private readonly SynAxis _a = new("a");
    private readonly SynAxis _b = new("b");
    private readonly SynAxis _c = new("c");

    private static List<object?[]> Rows(Cycler cycler) => [.. cycler.Steps.Select(s => s.Select(p => p.Position).ToArray())];

    [Fact]
    public void Linspace_computes_points_as_numpy_does()
    {
        var points = PlanPatterns.Linspace(0, 1, 11);
        Assert.Equal(0.30000000000000004, points[3]);
        Assert.Equal(1.0, points[^1]);
        Assert.Equal([2.0], PlanPatterns.Linspace(2, 3, 1));
        Assert.Equal([1.0, 0.0, -1.0], PlanPatterns.Linspace(1, -1, 3));
        Assert.Equal([5.0, 5.0, 5.0], PlanPatterns.Linspace(5, 5, 3));
        Assert.Empty(PlanPatterns.Linspace(0, 1, 0));
    }

    [Fact]
    public void Logspace_is_ten_to_the_linspace()
    {
        Assert.Equal([1.0, 10.0, 100.0], PlanPatterns.Logspace(0, 2, 3));
    }

    [Fact]
    public void Adding_cyclers_moves_axes_together()
    {
        var cycler = Cycler.Of(_a, [1.0, 2.0]) + Cycler.Of(_b, [3.0, 4.0]);
        Assert.Equal([_a, _b], cycler.Keys);
        Assert.Equal([[1.0, 3.0], [2.0, 4.0]], Rows(cycler));
        Assert.Equal("(cycler('a', [1.0, 2.0]) + cycler('b', [3.0, 4.0]))", cycler.ToString());
    }

    [Fact]
    public void Multiplying_cyclers_nests_them_with_the_left_one_slowest()
    {
        var cycler = Cycler.Of(_a, [1.0, 2.0]) * Cycler.Of(_b, [3.0, 4.0, 5.0]);
        Assert.Equal(6, cycler.Count);
        Assert.Equal([[1.0, 3.0], [1.0, 4.0], [1.0, 5.0], [2.0, 3.0], [2.0, 4.0], [2.0, 5.0]], Rows(cycler));
    }

    [Fact]
    public void Cyclers_refuse_unequal_lengths_and_shared_axes()
    {
        Assert.Contains("equal length", Assert.Throws<ArgumentException>(() => Cycler.Of(_a, [1.0]) + Cycler.Of(_b, [1.0, 2.0])).Message, StringComparison.Ordinal);
        Assert.Contains("share axes (a)", Assert.Throws<ArgumentException>(() => Cycler.Of(_a, [1.0]) * Cycler.Of(_a, [2.0])).Message, StringComparison.Ordinal);
        Assert.Equal("motor", Assert.Throws<ArgumentException>(() => Cycler.Of(_a, [1.0]).ByKey(_b)).ParamName);
    }

    [Fact]
    public void Snake_reverses_an_axis_on_every_other_pass_of_the_axes_outside_it()
    {
        var axes = new[] { Cycler.Of(_a, [1.0, 2.0]), Cycler.Of(_b, [10.0, 20.0]), Cycler.Of(_c, [100.0, 200.0, 300.0]) };
        var snaked = Cycler.Snake(axes, [false, false, true]);
        Assert.Equal(
            [100.0, 200.0, 300.0, 300.0, 200.0, 100.0, 100.0, 200.0, 300.0, 300.0, 200.0, 100.0],
            snaked.ByKey(_c));
        Assert.Equal([10.0, 10.0, 10.0, 20.0, 20.0, 20.0, 10.0, 10.0, 10.0, 20.0, 20.0, 20.0], snaked.ByKey(_b));

        var both = Cycler.Snake(axes, [false, true, true]);
        Assert.Equal([10.0, 10.0, 10.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 10.0, 10.0, 10.0], both.ByKey(_b));
        Assert.Equal(
            [100.0, 200.0, 300.0, 300.0, 200.0, 100.0, 100.0, 200.0, 300.0, 300.0, 200.0, 100.0],
            both.ByKey(_c));
    }

    [Fact]
    public void Snake_of_the_slowest_axis_changes_nothing()
    {
        var axes = new[] { Cycler.Of(_a, [1.0, 2.0]), Cycler.Of(_b, [3.0, 4.0]) };
        Assert.Equal(Rows(axes[0] * axes[1]), Rows(Cycler.Snake(axes, [true, false])));
        Assert.Throws<ArgumentException>(() => Cycler.Snake(axes, [true]));
    }

    [Fact]
    public void Outer_product_snakes_the_flagged_axes()
    {
        var cycler = PlanPatterns.OuterProduct([(_a, 1, 3, 3, false), (_b, 10, 20, 2, true)]);
        Assert.Equal([[1.0, 10.0], [1.0, 20.0], [2.0, 20.0], [2.0, 10.0], [3.0, 10.0], [3.0, 20.0]], Rows(cycler));
    }
}
