namespace Hyperion.Nexus.Dials.Tests;

/// <summary>A rendered spot: its centre in continuous pixel coordinates, the image it is on (0-based), its peak counts.</summary>
public readonly record struct Spot(double Fast, double Slow, int Image, double Peak = 3000, double Sigma = 1.1);
