using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>The OAV's areaDetector camera (dodal's areadetector plugins Cam), on <c>{prefix}CAM:</c>.</summary>
public sealed class Cam(string prefix, string name = "") : Device(name)
{
    /// <summary>ColorMode.</summary>
    public SignalRW<ColorMode> ColorMode { get; } = Epics.SignalRW<ColorMode>(prefix + "ColorMode");

    /// <summary>AcquirePeriod (s).</summary>
    public SignalRW<double> AcquirePeriod { get; } = Epics.SignalRW<double>(prefix + "AcquirePeriod");

    /// <summary>AcquireTime (s).</summary>
    public SignalRW<double> AcquireTime { get; } = Epics.SignalRW<double>(prefix + "AcquireTime");

    /// <summary>Gain.</summary>
    public SignalRW<double> Gain { get; } = Epics.SignalRW<double>(prefix + "Gain");

    /// <summary>ArraySizeX_RBV.</summary>
    public SignalR<int> ArraySizeX { get; } = Epics.SignalR<int>(prefix + "ArraySizeX_RBV");

    /// <summary>ArraySizeY_RBV.</summary>
    public SignalR<int> ArraySizeY { get; } = Epics.SignalR<int>(prefix + "ArraySizeY_RBV");
}
