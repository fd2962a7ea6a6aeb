using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>
/// The zebra-controlled sample shutter (dodal's ZebraShutter, newer MXZebraShutter). In the zebra two AND gates,
/// one manual and one automatic, feed an OR gate that drives the shutter; soft input CTRL1 picks the gate and soft
/// input CTRL2 drives the manual one. Reads its position.
/// </summary>
public sealed class ZebraShutter : StandardReadable, IMovable
{
    /// <summary>Creates the shutter on <paramref name="prefix"/> (e.g. BL03I-EA-SHTR-01:).</summary>
    public ZebraShutter(string prefix, string name = "")
        : base(string.Empty)
    {
        ManualPositionSetpoint = Epics.SignalW<ZebraShutterState>(prefix + "CTRL2");
        ControlMode = Epics.SignalRW<ZebraShutterControl>(prefix + "CTRL1");
        PositionReadback = Epics.SignalR<ZebraShutterState>(prefix + "STA");
        AddReadables(StandardReadableFormat.Child, PositionReadback);
        SetName(name);
    }

    /// <summary>CTRL2: the manual gate's demand (dodal keeps it private: move with <see cref="SetAsync"/>).</summary>
    [Core.DeviceChild("_manual_position_setpoint")]
    internal SignalW<ZebraShutterState> ManualPositionSetpoint { get; }

    /// <summary>CTRL1: manual or automatic control.</summary>
    public SignalRW<ZebraShutterControl> ControlMode { get; }

    /// <summary>STA: the shutter's position.</summary>
    public SignalR<ZebraShutterState> PositionReadback { get; }

    /// <summary>
    /// Refuses in auto mode; otherwise writes <paramref name="value"/> to CTRL2 with callback and waits (10 s) for
    /// STA to read it.
    /// </summary>
    /// <exception cref="ZebraShutterAutoModeException">CTRL1 is Auto.</exception>
    /// <exception cref="TimeoutException">STA did not follow within 10 s.</exception>
    public async Task SetAsync(ZebraShutterState value, CancellationToken cancellationToken = default)
    {
        if (await ControlMode.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == ZebraShutterControl.Auto)
        {
            throw new ZebraShutterAutoModeException(value);
        }

        await ManualPositionSetpoint.SetAsync(value, cancellationToken: cancellationToken).ConfigureAwait(false);
        await PositionReadback.WaitForValueAsync(value, Signal.DefaultTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets to a <see cref="ZebraShutterState"/> (or its label).</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<ZebraShutterState>.Coerce(value, Name)), this);
}
