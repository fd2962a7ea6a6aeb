using Hyperion.Devices.Mx.GridScan;

namespace Hyperion.Devices.Tests.Mx.GridScan;

public class GridScanParamsTests
{
    [Fact]
    public void Defaults_are_dodals()
    {
        var p = new ZebraGridScanParamsThreeD();
        Assert.Equal((1, 1, 1), (p.XSteps, p.YSteps, p.ZSteps));
        Assert.Equal((0.1, 0.1, 0.1), (p.XStepSizeMm, p.YStepSizeMm, p.ZStepSizeMm));
        Assert.Equal((0.1, 0.1, 0.1, 0.1, 0.1), (p.XStartMm, p.Y1StartMm, p.Z1StartMm, p.Y2StartMm, p.Z2StartMm));
        Assert.Equal(213, p.DwellTimeMs);
        Assert.False(p.SetStubOffsets);
    }

    [Fact]
    public void A_grid_axis_maps_steps_to_positions()
    {
        var axis = new GridAxis(1.0, 0.5, 5);
        Assert.Equal(2.0, axis.StepsToMotorPosition(2));
        Assert.Equal(3.0, axis.End);
        Assert.True(axis.IsWithin(-0.5));
        Assert.True(axis.IsWithin(4.5));
        Assert.False(axis.IsWithin(-0.51));
        Assert.False(axis.IsWithin(4.51));
    }

    [Fact]
    public void The_two_d_z_axis_is_a_single_step_at_z1_and_the_three_d_one_the_second_grid()
    {
        Assert.Equal(new GridAxis(0.3, 0, 1), new GridScanParamsCommon { Z1StartMm = 0.3 }.ZAxis);
        Assert.Equal(new GridAxis(0.7, 0.2, 4), new GridScanParamsThreeD { Z1StartMm = 0.3, Z2StartMm = 0.7, ZStepSizeMm = 0.2, ZSteps = 4 }.ZAxis);
    }

    [Fact]
    public void Grid_positions_convert_to_motor_positions()
    {
        var p = new GridScanParamsThreeD { XSteps = 10, YSteps = 5, ZSteps = 4, XStartMm = 0, Y1StartMm = 1, Z2StartMm = 2, XStepSizeMm = 0.5, YStepSizeMm = 0.25, ZStepSizeMm = 0.1 };
        var position = p.GridPositionToMotorPosition([2, 4, 3]);
        Assert.Equal(1.0, position[0], 12);
        Assert.Equal(2.0, position[1], 12);
        Assert.Equal(2.3, position[2], 12);
    }

    [Fact]
    public void A_grid_position_outside_the_grid_is_refused()
    {
        var p = new GridScanParamsThreeD { XSteps = 10, YSteps = 5, ZSteps = 4 };
        var error = Assert.Throws<GridPositionOutOfBoundsException>(() => p.GridPositionToMotorPosition([1, 5, 0]));
        Assert.Equal("[1.0, 5.0, 0.0] is outside the bounds of the grid", error.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(213)]
    [InlineData(213.1)]
    public void Whole_dwell_times_within_a_relative_tolerance_are_accepted(double dwell) =>
        Assert.Equal(dwell, new ZebraGridScanParamsThreeD { DwellTimeMs = dwell }.DwellTimeMs);

    [Fact]
    public void A_fractional_dwell_time_is_refused()
    {
        var error = Assert.Throws<DwellTimeNotIntegerException>(() => new ZebraGridScanParamsThreeD { DwellTimeMs = 1.5 });
        Assert.Equal("Dwell time of 1.5ms is not an integer value. Fast Grid Scan only accepts integer values", error.Message);
        Assert.Equal(1.5, error.DwellTimeMs);
    }
}
