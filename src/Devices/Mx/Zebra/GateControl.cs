using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>One zebra logic gate (dodal's GateControl): <c>prefix + "_ENA"</c>, <c>"_INP1"</c> … <c>"_INP4"</c>, <c>"_INV"</c>.</summary>
/// <param name="prefix">The gate's prefix, e.g. BL03I-EA-ZEBRA-01:AND3.</param>
/// <param name="name">The device name.</param>
public sealed class GateControl(string prefix, string name = "") : Device(name)
{
    /// <summary>_ENA: bit k-1 set enables input k.</summary>
    public SignalRW<int> Enable { get; } = Epics.SignalRW<int>(prefix + "_ENA");

    /// <summary>_INP1 … _INP4 by input number: the source of each input.</summary>
    public DeviceVector<SignalRW<double>> Sources { get; } = new(Enumerable.Range(1, 4).ToDictionary(k => k, k => Epics.SignalRW<double>($"{prefix}_INP{k}")));

    /// <summary>_INV: bit k-1 set inverts input k.</summary>
    public SignalRW<int> Invert { get; } = Epics.SignalRW<int>(prefix + "_INV");
}
