using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Motors;

/// <summary>Three motors X, Y and Z under one prefix (dodal's XYZStage), e.g. i03's lower goniometer.</summary>
public sealed class XyzStage : StandardReadable
{
    /// <summary>Creates the stage; the motors are <paramref name="prefix"/>X, Y and Z.</summary>
    public XyzStage(string prefix, string name = "")
        : base(string.Empty)
    {
        X = new Motor(prefix + "X");
        Y = new Motor(prefix + "Y");
        Z = new Motor(prefix + "Z");
        AddReadables(StandardReadableFormat.Child, X, Y, Z);
        SetName(name);
    }

    /// <summary>X.</summary>
    public Motor X { get; }

    /// <summary>Y.</summary>
    public Motor Y { get; }

    /// <summary>Z.</summary>
    public Motor Z { get; }
}
