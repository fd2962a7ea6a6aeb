using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Aperture;

/// <summary>The mini-aperture (dodal's Aperture, an XYZStage): x, y, z motors and the IOC's in-position calcs.</summary>
public sealed class Aperture : StandardReadable
{
    /// <summary>Creates the aperture on <paramref name="prefix"/> (e.g. BL03I-MO-MAPT-01:).</summary>
    public Aperture(string prefix, string name = "")
        : base(string.Empty)
    {
        X = new Motor(prefix + "X");
        Y = new Motor(prefix + "Y");
        Z = new Motor(prefix + "Z");
        Small = Epics.SignalR<double>(prefix + "Y:SMALL_CALC");
        Medium = Epics.SignalR<double>(prefix + "Y:MEDIUM_CALC");
        Large = Epics.SignalR<double>(prefix + "Y:LARGE_CALC");
        AddReadables(StandardReadableFormat.Child, X, Y, Z);
        SetName(name);
    }

    /// <summary>X.</summary>
    public Motor X { get; }

    /// <summary>Y.</summary>
    public Motor Y { get; }

    /// <summary>Z.</summary>
    public Motor Z { get; }

    /// <summary>Y:SMALL_CALC: 1 when the small aperture is in position.</summary>
    public SignalR<double> Small { get; }

    /// <summary>Y:MEDIUM_CALC: 1 when the medium aperture is in position.</summary>
    public SignalR<double> Medium { get; }

    /// <summary>Y:LARGE_CALC: 1 when the large aperture is in position.</summary>
    public SignalR<double> Large { get; }
}
