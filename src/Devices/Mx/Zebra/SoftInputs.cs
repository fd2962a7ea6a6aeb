using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The zebra's soft inputs (dodal's SoftInputs): SOFT_IN:B0 … B3.</summary>
/// <param name="prefix">The zebra prefix, e.g. BL03I-EA-ZEBRA-01:.</param>
/// <param name="name">The device name.</param>
public sealed class SoftInputs(string prefix, string name = "") : StandardReadable(name)
{
    /// <summary>SOFT_IN:B0.</summary>
    [DeviceChild("soft_in_1")]
    public SignalRW<SoftInState> SoftIn1 { get; } = Epics.SignalRW<SoftInState>(prefix + "SOFT_IN:B0");

    /// <summary>SOFT_IN:B1.</summary>
    [DeviceChild("soft_in_2")]
    public SignalRW<SoftInState> SoftIn2 { get; } = Epics.SignalRW<SoftInState>(prefix + "SOFT_IN:B1");

    /// <summary>SOFT_IN:B2.</summary>
    [DeviceChild("soft_in_3")]
    public SignalRW<SoftInState> SoftIn3 { get; } = Epics.SignalRW<SoftInState>(prefix + "SOFT_IN:B2");

    /// <summary>SOFT_IN:B3.</summary>
    [DeviceChild("soft_in_4")]
    public SignalRW<SoftInState> SoftIn4 { get; } = Epics.SignalRW<SoftInState>(prefix + "SOFT_IN:B3");
}
