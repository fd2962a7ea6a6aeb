using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>Odin's Eiger fan (prefix e.g. BL03I-EA-EIGER-01:OD:FAN:), which forwards the detector's stream to the writers.</summary>
public sealed class EigerFan(string prefix, string name = "") : Device(name)
{
    /// <summary>ProcessConnected_RBV.</summary>
    public SignalR<int> On { get; } = Epics.SignalR<int>(prefix + "ProcessConnected_RBV");

    /// <summary>AllConsumersConnected_RBV.</summary>
    public SignalR<int> ConsumersConnected { get; } = Epics.SignalR<int>(prefix + "AllConsumersConnected_RBV");

    /// <summary>StateReady_RBV: 1 once the fan is ready for the armed detector's frames.</summary>
    public SignalR<int> Ready { get; } = Epics.SignalR<int>(prefix + "StateReady_RBV");

    /// <summary>EigerAddress_RBV.</summary>
    public SignalR<string> ZmqAddr { get; } = Epics.SignalR<string>(prefix + "EigerAddress_RBV");

    /// <summary>EigerPort_RBV.</summary>
    public SignalR<int> ZmqPort { get; } = Epics.SignalR<int>(prefix + "EigerPort_RBV");

    /// <summary>State_RBV.</summary>
    public SignalR<string> State { get; } = Epics.SignalR<string>(prefix + "State_RBV");

    /// <summary>FramesSent_RBV.</summary>
    public SignalR<int> FramesSent { get; } = Epics.SignalR<int>(prefix + "FramesSent_RBV");

    /// <summary>CurrentSeries_RBV.</summary>
    public SignalR<int> Series { get; } = Epics.SignalR<int>(prefix + "CurrentSeries_RBV");

    /// <summary>CurrentOffset_RBV.</summary>
    public SignalR<int> Offset { get; } = Epics.SignalR<int>(prefix + "CurrentOffset_RBV");

    /// <summary>ForwardStream / _RBV.</summary>
    public SignalRW<int> ForwardStream { get; } = Epics.SignalRWRbv<int>(prefix + "ForwardStream");

    /// <summary>DevShmCache / _RBV: 1 also streams to /dev/shm.</summary>
    public SignalRW<int> DevShmEnable { get; } = Epics.SignalRWRbv<int>(prefix + "DevShmCache");
}
