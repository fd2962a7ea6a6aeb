using Hyperion.Devices.Motors;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>A DCM crystal with pitch and roll motors (dodal's PitchAndRollCrystal).</summary>
public sealed class PitchAndRollCrystal : StandardReadable
{
    /// <summary>Creates the crystal on <paramref name="prefix"/>: PITCH and ROLL.</summary>
    public PitchAndRollCrystal(string prefix, string name = "")
        : base(string.Empty)
    {
        PitchInMrad = new Motor(prefix + "PITCH");
        RollInMrad = new Motor(prefix + "ROLL");
        AddReadables(StandardReadableFormat.Child, PitchInMrad, RollInMrad);
        SetName(name);
    }

    /// <summary>PITCH, in mrad.</summary>
    public Motor PitchInMrad { get; }

    /// <summary>ROLL, in mrad.</summary>
    public Motor RollInMrad { get; }
}
