using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Tests;

public class SampleTests
{
    [Fact]
    public void An_orthogonal_cell_has_a_diagonal_reciprocal_basis()
    {
        var b = new UnitCell(57.8, 57.8, 150.0, 90, 90, 90).ReciprocalBasis;
        Assert.Equal(1 / 57.8, b.M11, 12);
        Assert.Equal(1 / 57.8, b.M22, 12);
        Assert.Equal(1 / 150.0, b.M33, 12);
        Assert.Equal(0, b.M12, 12);
        Assert.Equal(0, b.M23, 12);
    }

    [Fact]
    public void D_spacings_of_a_monoclinic_cell_match_the_textbook_formula()
    {
        // Monoclinic (β ≠ 90°): 1/d² = (h²/a² + k² sin²β/b² + l²/c² - 2hl cosβ/(ac)) / sin²β.
        var cell = new UnitCell(70.0, 40.0, 50.0, 90, 105, 90);
        var beta = 105 * Math.PI / 180;
        foreach (var (h, k, l) in new[] { (1, 0, 0), (0, 1, 0), (1, 2, 3), (-2, 1, 4) })
        {
            var inverseSquare = ((h * h / (70.0 * 70.0)) + (k * k * Math.Sin(beta) * Math.Sin(beta) / (40.0 * 40.0)) + (l * l / (50.0 * 50.0)) - (2.0 * h * l * Math.Cos(beta) / (70.0 * 50.0))) / (Math.Sin(beta) * Math.Sin(beta));
            Assert.Equal(1 / Math.Sqrt(inverseSquare), cell.DSpacing(h, k, l), 9);
        }
    }

    [Fact]
    public void A_triclinic_cells_volume_is_the_determinant_of_its_direct_basis()
    {
        var cell = new UnitCell(40, 50, 60, 80, 95, 110);
        Assert.Equal(1 / cell.Volume, cell.ReciprocalBasis.Determinant, 12);
    }

    [Fact]
    public void The_same_seed_draws_the_same_orientation_and_it_is_a_rotation()
    {
        var crystal = SampleDefinition.Thaumatin.Crystal;
        var u1 = crystal.Orientation(new Random(7));
        var u2 = crystal.Orientation(new Random(7));
        Assert.Equal(u1, u2);
        Assert.Equal(1.0, u1.Determinant, 12);
        var identity = u1 * u1.Transpose();
        Assert.Equal(1.0, identity.M11, 12);
        Assert.Equal(0.0, identity.M12, 12);
        Assert.NotEqual(u1, crystal.Orientation(new Random(8)));
    }

    [Fact]
    public void Given_angles_give_that_rotation()
    {
        var crystal = SampleDefinition.Thaumatin.Crystal with { OrientationDegrees = new Vector3D(0, 0, 90) };
        var u = crystal.Orientation(new Random(1));
        var rotated = u * new Vector3D(1, 0, 0);
        Assert.Equal(0, rotated.X, 12);
        Assert.Equal(1, rotated.Y, 12);
    }

    [Fact]
    public void A_sample_round_trips_through_json()
    {
        var json = SampleDefinition.Thaumatin.ToJson();
        Assert.Contains("\"unit_cell\"", json, StringComparison.Ordinal);
        Assert.Equal(SampleDefinition.Thaumatin.Crystal.UnitCell, SampleDefinition.FromJson(json).Crystal.UnitCell);
    }

    [Theory]
    [InlineData("""{"crystal": {"size_um": {"x": 50, "y": 40, "z": 30}, "position_mm": {"x": 0, "y": 0, "z": 0}, "unit_cell": {"a": -5, "b": 1, "c": 1, "alpha": 90, "beta": 90, "gamma": 90}}}""", "crystal.unit_cell.a: must be a positive length")]
    [InlineData("""{"crystal": {"size_um": {"x": 50, "y": 40, "z": 30}, "position_mm": {"x": 0, "y": 0, "z": 0}, "unit_cell": {"a": 5, "b": 5, "c": 5, "alpha": 90, "beta": 90, "gamma": 190}}}""", "crystal.unit_cell.gamma: must be an angle")]
    [InlineData("""{"crystal": {"size_um": {"x": 0, "y": 40, "z": 30}, "position_mm": {"x": 0, "y": 0, "z": 0}, "unit_cell": {"a": 5, "b": 5, "c": 5, "alpha": 90, "beta": 90, "gamma": 90}}}""", "crystal.size_um.x: must be a positive size")]
    [InlineData("""{"crystal": {"size_um": {"x": 5, "y": 40, "z": 30}, "position_mm": {"x": 0, "y": 0, "z": 0}, "unit_cell": {"a": 5, "b": 5, "c": 5, "alpha": 90, "beta": 90, "gamma": 90}, "mosaicity_deg": 45}}""", "crystal.mosaicity_deg: must be between 0 and 10")]
    [InlineData("""{"crystal": {"size_um": {"x": 5, "y": 40, "z": 30}, "position_mm": {"x": 0, "y": 0, "z": 0}, "unit_cell": {"a": 5, "b": 5, "c": 5, "alpha": 90, "beta": 90, "gamma": 90}, "colour": "blue"}}""", "colour")]
    [InlineData("""{"crystal": {"size_um": {"x": 5, """, "line")]
    [InlineData("""{"seed": 3}""", "crystal")]
    public void A_sample_that_cannot_be_simulated_is_refused_naming_the_field(string json, string expected)
    {
        var error = Assert.Throws<SampleException>(() => SampleDefinition.FromJson(json, "sample.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
