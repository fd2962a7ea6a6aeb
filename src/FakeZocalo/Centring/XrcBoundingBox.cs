namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// The whole grid boxes a 3D crystal occupies, as a half-open range: a box <c>(x, y, z)</c> is inside when
/// <c>X0 ≤ x &lt; X1</c>, <c>Y0 ≤ y &lt; Y1</c> and <c>Z0 ≤ z &lt; Z1</c>. On the wire it is
/// <c>[[X0, Y0, Z0], [X1, Y1, Z1]]</c>.
/// </summary>
/// <param name="X0">First box along x.</param>
/// <param name="Y0">First box along y.</param>
/// <param name="Z0">First box along z.</param>
/// <param name="X1">One past the last box along x.</param>
/// <param name="Y1">One past the last box along y.</param>
/// <param name="Z1">One past the last box along z.</param>
public sealed record XrcBoundingBox(int X0, int Y0, int Z0, int X1, int Y1, int Z1)
{
    /// <summary>The box's size in whole boxes along x, y and z (what dodal's <c>bbox_size</c> computes).</summary>
    public (int X, int Y, int Z) Size => (X1 - X0, Y1 - Y0, Z1 - Z0);
}
