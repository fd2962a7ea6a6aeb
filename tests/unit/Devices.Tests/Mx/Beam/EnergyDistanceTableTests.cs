using Hyperion.Devices.Mx.Beam;

namespace Hyperion.Devices.Tests.Mx.Beam;

public class EnergyDistanceTableTests
{
    // As BeamLine_Undulator_toGap.txt is laid out: a header, a Units line, energy (eV) against gap (mm).
    public const string UndulatorTable = """
        #######################
        # Undulator gap table  #
        #######################
        Units eV mm
        5700    5.4606
        6000    5.5462   # a trailing comment
        6500    5.7252

        7000    5.9018
        7500    6.0727
        12658   7.8000
        """;

    [Fact]
    public void Comments_units_and_blank_lines_are_skipped()
    {
        var table = EnergyDistanceTable.Parse(UndulatorTable);
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal([5700, 5.4606], table.Rows[0]);
        Assert.Equal([12658, 7.8], table.Rows[^1]);
    }

    [Theory]
    [InlineData(6000, 5.5462)]
    [InlineData(6250, 5.6357)]
    [InlineData(7250, 5.98725)]
    [InlineData(1000, 5.4606)]
    [InlineData(20000, 7.8)]
    public void Gaps_are_interpolated_linearly_and_clamped_outside_the_table(double energyEv, double gapMm)
    {
        var table = EnergyDistanceTable.Parse(UndulatorTable);
        Assert.Equal(gapMm, table.GapForEnergy(energyEv), 9);
    }

    [Fact]
    public void A_row_that_is_not_numbers_is_a_format_error_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => EnergyDistanceTable.Parse("5700 5.4\n6000 five\n", "toGap.txt"));
        Assert.Equal("toGap.txt, line 2: could not convert 'five' to a number.", error.Message);
    }

    [Fact]
    public void Rows_of_different_widths_and_empty_tables_are_refused()
    {
        Assert.Contains("number of columns changed from 2 to 3", Assert.Throws<FormatException>(() => EnergyDistanceTable.Parse("1 2\n3 4 5")).Message, StringComparison.Ordinal);
        Assert.Contains("has no rows", Assert.Throws<FormatException>(() => EnergyDistanceTable.Parse("# nothing\n")).Message, StringComparison.Ordinal);
    }
}
