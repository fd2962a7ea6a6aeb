using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>One of the zebra's pulse generators: <c>prefix + "INP"</c>, <c>"DLY"</c>, <c>"WID"</c>.</summary>
/// <param name="prefix">The block prefix, e.g. BL03I-EA-ZEBRA-01:PULSE1_.</param>
/// <param name="name">The device name.</param>
public sealed class PulseOutput(string prefix, string name = "") : StandardReadable(name)
{
    /// <summary>INP: the source triggering the pulse.</summary>
    public SignalRW<double> Input { get; } = Epics.SignalRW<double>(prefix + "INP");

    /// <summary>DLY.</summary>
    public SignalRW<double> Delay { get; } = Epics.SignalRW<double>(prefix + "DLY");

    /// <summary>WID.</summary>
    public SignalRW<double> Width { get; } = Epics.SignalRW<double>(prefix + "WID");
}
