using Hyperion.Devices.Motors;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Optics;

/// <summary>The S4 slit gaps (dodal's S4SlitGaps); S4 has a different PV format from the other slits.</summary>
public sealed class S4SlitGaps : StandardReadable
{
    /// <summary>Creates the slits on <paramref name="prefix"/> (e.g. BL03I-AL-SLITS-04:).</summary>
    public S4SlitGaps(string prefix, string name = "")
        : base(string.Empty)
    {
        Xgap = new Motor(prefix + "XGAP");
        Ygap = new Motor(prefix + "YGAP");
        AddReadables(StandardReadableFormat.Child, Xgap, Ygap);
        SetName(name);
    }

    /// <summary>XGAP.</summary>
    public Motor Xgap { get; }

    /// <summary>YGAP.</summary>
    public Motor Ygap { get; }
}
