using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The zebra's pulse generators and TTL outputs (dodal's ZebraOutputPanel).</summary>
/// <param name="prefix">The zebra prefix, e.g. BL03I-EA-ZEBRA-01:.</param>
/// <param name="name">The device name.</param>
public sealed class ZebraOutputPanel(string prefix, string name = "") : StandardReadable(name)
{
    /// <summary>PULSE1_INP, _DLY, _WID.</summary>
    [DeviceChild("pulse_1")]
    public PulseOutput Pulse1 { get; } = new(prefix + "PULSE1_");

    /// <summary>PULSE2_INP, _DLY, _WID.</summary>
    [DeviceChild("pulse_2")]
    public PulseOutput Pulse2 { get; } = new(prefix + "PULSE2_");

    /// <summary>OUT1_TTL … OUT4_TTL by output number: the source each TTL output follows.</summary>
    public DeviceVector<SignalRW<double>> OutPvs { get; } = new(Enumerable.Range(1, 4).ToDictionary(i => i, i => Epics.SignalRW<double>($"{prefix}OUT{i}_TTL")));
}
