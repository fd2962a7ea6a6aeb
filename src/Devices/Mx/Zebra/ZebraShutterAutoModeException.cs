namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The sample shutter was told to move while the zebra controls it (dodal raises UserWarning).</summary>
public sealed class ZebraShutterAutoModeException : InvalidOperationException
{
    /// <summary>Creates the exception for the refused <paramref name="demand"/>.</summary>
    public ZebraShutterAutoModeException(ZebraShutterState demand)
        : base($"Tried to set shutter to {Hyperion.Devices.Signals.SignalDatatype<ZebraShutterState>.Label(demand)} but the shutter is in auto mode.")
    {
        Demand = demand;
    }

    /// <summary>The position asked for.</summary>
    public ZebraShutterState Demand { get; }
}
