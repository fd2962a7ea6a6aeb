namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// A smargon move of several axes at once (dodal's CombinedMove); axes left null stay where they are. Omega is
/// not one of them: large omega moves spoil the precision of the other axes, and omega is a wrapped angle.
/// </summary>
public sealed record CombinedMove
{
    /// <summary>x (mm).</summary>
    public double? X { get; init; }

    /// <summary>y (mm).</summary>
    public double? Y { get; init; }

    /// <summary>z (mm).</summary>
    public double? Z { get; init; }

    /// <summary>phi (degrees).</summary>
    public double? Phi { get; init; }

    /// <summary>chi (degrees).</summary>
    public double? Chi { get; init; }

    /// <summary>The axes to move, by motor name, in the order x, y, z, phi, chi.</summary>
    public IReadOnlyList<KeyValuePair<string, double?>> ToAxes() =>
        [new("x", X), new("y", Y), new("z", Z), new("phi", Phi), new("chi", Chi)];
}
