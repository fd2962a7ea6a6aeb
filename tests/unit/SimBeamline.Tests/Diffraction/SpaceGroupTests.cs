using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Tests.Diffraction;

public class SpaceGroupTests
{
    // The orders of the 65 chiral groups (operations with centring), as cctbx's sgtbx gives them.
    private static readonly Dictionary<string, int> Orders = string.Join(' ', [
        "P1:1 P2:2 P21:2 C2:4 P222:4 P2221:4 P21212:4 P212121:4 C2221:8 C222:8 F222:16 I222:8 I212121:8",
        "P4:4 P41:4 P42:4 P43:4 I4:8 I41:8 P422:8 P4212:8 P4122:8 P41212:8 P4222:8 P42212:8 P4322:8",
        "P43212:8 I422:16 I4122:16 P3:3 P31:3 P32:3 R3:9 P312:6 P321:6 P3112:6 P3121:6 P3212:6 P3221:6",
        "R32:18 P6:6 P61:6 P65:6 P62:6 P64:6 P63:6 P622:12 P6122:12 P6522:12 P6222:12 P6422:12 P6322:12",
        "P23:12 F23:48 I23:24 P213:12 I213:24 P432:24 P4232:24 F432:96 F4132:96 I432:48 P4332:24",
        "P4132:24 I4132:48",
    ]).Split(' ').Select(e => e.Split(':')).ToDictionary(e => e[0], e => int.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void All_65_chiral_groups_close_to_their_full_order()
    {
        Assert.Equal(65, SpaceGroup.SupportedSymbols.Count);
        foreach (var symbol in SpaceGroup.SupportedSymbols)
        {
            Assert.True(Orders[symbol] == SpaceGroup.Parse(symbol).Order, $"{symbol}: {SpaceGroup.Parse(symbol).Order} operations, expected {Orders[symbol]}");
        }
    }

    [Theory]
    [InlineData("P 41 21 2", "P41212")]
    [InlineData("P 4(1) 2(1) 2", "P41212")]
    [InlineData("p212121", "P212121")]
    [InlineData("P 1 21 1", "P21")]
    [InlineData("C 1 2 1", "C2")]
    [InlineData("R 3 :H", "R3")]
    [InlineData("H32", "R32")]
    public void Symbols_are_read_with_spaces_parentheses_and_aliases(string text, string symbol) =>
        Assert.Equal(symbol, SpaceGroup.Parse(text).Symbol);

    [Fact]
    public void An_unknown_or_centrosymmetric_group_is_refused_naming_the_field()
    {
        var e = Assert.Throws<SampleException>(() => SpaceGroup.Parse("P -1"));
        Assert.Equal("crystal.space_group", e.Field);
        Assert.Contains("P -1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P41212_extinguishes_odd_h00_and_00l_off_4n()
    {
        var g = SpaceGroup.Parse("P41212");
        Assert.True(g.IsSystematicallyAbsent(new MillerIndex(1, 0, 0)));
        Assert.True(g.IsSystematicallyAbsent(new MillerIndex(0, 3, 0)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(2, 0, 0)));
        foreach (var l in new[] { 1, 2, 3, 5, 6, 7, -2 })
        {
            Assert.True(g.IsSystematicallyAbsent(new MillerIndex(0, 0, l)), $"00{l}");
        }

        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(0, 0, 4)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(0, 0, 8)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(1, 2, 3)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(1, 0, 1)));
    }

    [Fact]
    public void P212121_extinguishes_odd_axial_reflections_only()
    {
        var g = SpaceGroup.Parse("P212121");
        Assert.True(g.IsSystematicallyAbsent(new MillerIndex(3, 0, 0)));
        Assert.True(g.IsSystematicallyAbsent(new MillerIndex(0, 1, 0)));
        Assert.True(g.IsSystematicallyAbsent(new MillerIndex(0, 0, 5)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(0, 0, 6)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(1, 1, 0)));
        Assert.False(g.IsSystematicallyAbsent(new MillerIndex(1, 0, 1)));
    }

    [Fact]
    public void Centring_and_screw_axes_of_other_common_groups()
    {
        var c2 = SpaceGroup.Parse("C2");
        Assert.True(c2.IsSystematicallyAbsent(new MillerIndex(1, 0, 3)));
        Assert.True(c2.IsSystematicallyAbsent(new MillerIndex(2, 1, 0)));
        Assert.False(c2.IsSystematicallyAbsent(new MillerIndex(1, 1, 3)));
        var p21 = SpaceGroup.Parse("P21");
        Assert.True(p21.IsSystematicallyAbsent(new MillerIndex(0, 1, 0)));
        Assert.False(p21.IsSystematicallyAbsent(new MillerIndex(1, 1, 0)));
        var p6122 = SpaceGroup.Parse("P6122");
        Assert.True(p6122.IsSystematicallyAbsent(new MillerIndex(0, 0, 3)));
        Assert.False(p6122.IsSystematicallyAbsent(new MillerIndex(0, 0, 6)));
        var i4122 = SpaceGroup.Parse("I4122");
        Assert.True(i4122.IsSystematicallyAbsent(new MillerIndex(1, 1, 1)));
        Assert.True(i4122.IsSystematicallyAbsent(new MillerIndex(0, 0, 2)));
        Assert.False(i4122.IsSystematicallyAbsent(new MillerIndex(0, 0, 4)));
        Assert.False(i4122.IsSystematicallyAbsent(new MillerIndex(1, 1, 0)));
        var p1 = SpaceGroup.Parse("P1");
        Assert.False(p1.IsSystematicallyAbsent(new MillerIndex(0, 0, 1)));
    }

    [Fact]
    public void Symmetry_equivalents_and_Friedel_mates_share_a_representative()
    {
        var g = SpaceGroup.Parse("P41212");
        var h = new MillerIndex(1, 2, 3);
        var representative = g.Representative(h);
        foreach (var equivalent in new MillerIndex[] { new(-2, 1, 3), new(-1, -2, 3), new(2, -1, 3), new(2, 1, -3), new(-1, -2, -3), new(1, -2, -3) })
        {
            Assert.Equal(representative, g.Representative(equivalent));
        }

        Assert.NotEqual(representative, g.Representative(new MillerIndex(1, 2, 4)));
        Assert.Equal(new MillerIndex(2, 1, 3), representative);
    }

    [Fact]
    public void In_P41212_hk0_is_centric_and_00l_has_epsilon_4()
    {
        var g = SpaceGroup.Parse("P41212");
        Assert.True(g.IsCentric(new MillerIndex(3, 2, 0)));
        Assert.True(g.IsCentric(new MillerIndex(1, 1, 5)));
        Assert.False(g.IsCentric(new MillerIndex(1, 2, 3)));
        Assert.Equal(4, g.Epsilon(new MillerIndex(0, 0, 8)));
        Assert.Equal(1, g.Epsilon(new MillerIndex(1, 2, 3)));
        Assert.Equal(8, g.PointGroupOrder);
    }
}
