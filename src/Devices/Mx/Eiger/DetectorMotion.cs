using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// The detector stage (dodal's DetectorMotion, an XYZStage on e.g. BL03I-MO-DET-01:): x, y, z (the distance
/// axis, read and hinted), the other axes, the detector shutter and the interlocks plans check before moving it.
/// It has no behaviour of its own: plans set the shutter and move z.
/// </summary>
public sealed class DetectorMotion : StandardReadable
{
    /// <summary>Creates the stage on <paramref name="devicePrefix"/> (…-MO-DET-01:) and <paramref name="pmacPrefix"/> (…-MO-PMAC-02:).</summary>
    public DetectorMotion(string devicePrefix, string pmacPrefix, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(devicePrefix);
        ArgumentNullException.ThrowIfNull(pmacPrefix);
        X = new Motor(devicePrefix + "X");
        Y = new Motor(devicePrefix + "Y");
        Z = new Motor(devicePrefix + "Z");
        AddReadables(StandardReadableFormat.Child, X, Y, Z);
        UpstreamX = new Motor(devicePrefix + "UPSTREAMX");
        DownstreamX = new Motor(devicePrefix + "DOWNSTREAMX");
        Yaw = new Motor(devicePrefix + "YAW");
        Shutter = Epics.SignalRW<ShutterState>(devicePrefix + "SET_SHUTTER_STATE");
        ShutterClosedLim = Epics.SignalR<double>(devicePrefix + "CLOSE_LIMIT");
        ShutterOpenLim = Epics.SignalR<double>(devicePrefix + "OPEN_LIMIT");
        ZDisabled = Epics.SignalR<double>(devicePrefix + "Z:DISABLED");
        CratePower = Epics.SignalR<double>(pmacPrefix + "CRATE2_HEALTHY");
        InRobotLoadSafePosition = Epics.SignalR<int>(pmacPrefix + "GPIO_INP_BITS.B2");
        SetName(name);
    }

    /// <summary>X.</summary>
    public Motor X { get; }

    /// <summary>Y.</summary>
    public Motor Y { get; }

    /// <summary>Z: the detector distance axis.</summary>
    public Motor Z { get; }

    /// <summary>UPSTREAMX.</summary>
    public Motor UpstreamX { get; }

    /// <summary>DOWNSTREAMX.</summary>
    public Motor DownstreamX { get; }

    /// <summary>YAW.</summary>
    public Motor Yaw { get; }

    /// <summary>SET_SHUTTER_STATE ("Closed" / "Open").</summary>
    public SignalRW<ShutterState> Shutter { get; }

    /// <summary>CLOSE_LIMIT: 1 on the closed limit.</summary>
    public SignalR<double> ShutterClosedLim { get; }

    /// <summary>OPEN_LIMIT: 1 on the open limit.</summary>
    public SignalR<double> ShutterOpenLim { get; }

    /// <summary>Z:DISABLED: the robot interlock, 0 free to move, 1 blocked.</summary>
    public SignalR<double> ZDisabled { get; }

    /// <summary>CRATE2_HEALTHY on the PMAC: 0 means no power.</summary>
    public SignalR<double> CratePower { get; }

    /// <summary>GPIO_INP_BITS.B2 on the PMAC: 1 when the detector is safe for a robot load.</summary>
    public SignalR<int> InRobotLoadSafePosition { get; }
}
