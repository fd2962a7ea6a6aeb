namespace Hyperion.Nexus.Dials.Tests;

/// <summary>Compares doubles to within a tolerance, for Assert.Equal on arrays.</summary>
public sealed class WithinTolerance(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
