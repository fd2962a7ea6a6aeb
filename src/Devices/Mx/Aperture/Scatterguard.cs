using Hyperion.Devices.Motors;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Aperture;

/// <summary>The scatterguard (dodal's XYStage on -MO-SCAT-01:): x and y motors.</summary>
public sealed class Scatterguard : StandardReadable
{
    /// <summary>Creates the scatterguard on <paramref name="prefix"/> (e.g. BL03I-MO-SCAT-01:).</summary>
    public Scatterguard(string prefix, string name = "")
        : base(string.Empty)
    {
        X = new Motor(prefix + "X");
        Y = new Motor(prefix + "Y");
        AddReadables(StandardReadableFormat.Child, X, Y);
        SetName(name);
    }

    /// <summary>X.</summary>
    public Motor X { get; }

    /// <summary>Y.</summary>
    public Motor Y { get; }
}
