namespace Hyperion.Nexus.Geometry;

/// <summary>A 3×3 matrix of doubles, row-major: orientation (U) and reciprocal-basis (B) matrices.</summary>
public readonly record struct Matrix3(double M11, double M12, double M13, double M21, double M22, double M23, double M31, double M32, double M33)
{
    /// <summary>The identity.</summary>
    public static Matrix3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>The determinant.</summary>
    public double Determinant =>
        (M11 * ((M22 * M33) - (M23 * M32))) - (M12 * ((M21 * M33) - (M23 * M31))) + (M13 * ((M21 * M32) - (M22 * M31)));

    /// <summary>The transpose.</summary>
    public Matrix3 Transpose() => new(M11, M21, M31, M12, M22, M32, M13, M23, M33);

    /// <summary>A rotation of <paramref name="radians"/> about the unit <paramref name="axis"/> (Rodrigues).</summary>
    public static Matrix3 Rotation(Vector3D axis, double radians)
    {
        var (x, y, z) = axis.Normalized();
        var (c, s) = (Math.Cos(radians), Math.Sin(radians));
        var t = 1 - c;
        return new(
            (t * x * x) + c, (t * x * y) - (s * z), (t * x * z) + (s * y),
            (t * x * y) + (s * z), (t * y * y) + c, (t * y * z) - (s * x),
            (t * x * z) - (s * y), (t * y * z) + (s * x), (t * z * z) + c);
    }

    /// <summary>The product <paramref name="a"/>·<paramref name="b"/>.</summary>
    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => new(
        (a.M11 * b.M11) + (a.M12 * b.M21) + (a.M13 * b.M31), (a.M11 * b.M12) + (a.M12 * b.M22) + (a.M13 * b.M32), (a.M11 * b.M13) + (a.M12 * b.M23) + (a.M13 * b.M33),
        (a.M21 * b.M11) + (a.M22 * b.M21) + (a.M23 * b.M31), (a.M21 * b.M12) + (a.M22 * b.M22) + (a.M23 * b.M32), (a.M21 * b.M13) + (a.M22 * b.M23) + (a.M23 * b.M33),
        (a.M31 * b.M11) + (a.M32 * b.M21) + (a.M33 * b.M31), (a.M31 * b.M12) + (a.M32 * b.M22) + (a.M33 * b.M32), (a.M31 * b.M13) + (a.M32 * b.M23) + (a.M33 * b.M33));

    /// <summary>The product <paramref name="m"/>·<paramref name="v"/>.</summary>
    public static Vector3D operator *(Matrix3 m, Vector3D v) => new(
        (m.M11 * v.X) + (m.M12 * v.Y) + (m.M13 * v.Z),
        (m.M21 * v.X) + (m.M22 * v.Y) + (m.M23 * v.Z),
        (m.M31 * v.X) + (m.M32 * v.Y) + (m.M33 * v.Z));

    /// <summary>The product (named for languages without operators).</summary>
    public static Matrix3 Multiply(Matrix3 a, Matrix3 b) => a * b;
}
