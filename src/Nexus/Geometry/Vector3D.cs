using System.Text.Json.Serialization;

namespace Hyperion.Nexus.Geometry;

/// <summary>A 3-vector of doubles (x, y, z in JSON).</summary>
public readonly record struct Vector3D(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("z")] double Z)
{
    /// <summary>The length.</summary>
    [JsonIgnore]
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>The vector scaled to length 1.</summary>
    public Vector3D Normalized() => Length == 0 ? throw new InvalidOperationException("A zero vector has no direction.") : this / Length;

    /// <summary>The dot product.</summary>
    public static double Dot(Vector3D a, Vector3D b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    /// <summary>The sum.</summary>
    public static Vector3D operator +(Vector3D a, Vector3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>The difference.</summary>
    public static Vector3D operator -(Vector3D a, Vector3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Scaled by <paramref name="s"/>.</summary>
    public static Vector3D operator *(Vector3D a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    /// <summary>Divided by <paramref name="s"/>.</summary>
    public static Vector3D operator /(Vector3D a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    /// <summary>The sum (named for languages without operators).</summary>
    public static Vector3D Add(Vector3D a, Vector3D b) => a + b;

    /// <summary>The difference (named for languages without operators).</summary>
    public static Vector3D Subtract(Vector3D a, Vector3D b) => a - b;

    /// <summary>Scaled (named for languages without operators).</summary>
    public static Vector3D Multiply(Vector3D a, double s) => a * s;

    /// <summary>Divided (named for languages without operators).</summary>
    public static Vector3D Divide(Vector3D a, double s) => a / s;

    /// <summary>The cross product a × b.</summary>
    public static Vector3D Cross(Vector3D a, Vector3D b) => new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));
}
