using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>One Odin frame receiver / processor pair (prefix e.g. BL03I-EA-EIGER-01:OD1:).</summary>
public sealed class OdinNode(string prefix, string name = "") : Device(name)
{
    /// <summary>Writing_RBV.</summary>
    public SignalR<int> Writing { get; } = Epics.SignalR<int>(prefix + "Writing_RBV");

    /// <summary>FramesDropped_RBV.</summary>
    public SignalR<int> FramesDropped { get; } = Epics.SignalR<int>(prefix + "FramesDropped_RBV");

    /// <summary>FramesTimedOut_RBV.</summary>
    public SignalR<int> FramesTimedOut { get; } = Epics.SignalR<int>(prefix + "FramesTimedOut_RBV");

    /// <summary>FPErrorState_RBV: non-zero while the processor is in error.</summary>
    public SignalR<int> ErrorStatus { get; } = Epics.SignalR<int>(prefix + "FPErrorState_RBV");

    /// <summary>FPProcessConnected_RBV.</summary>
    public SignalR<int> FpInitialised { get; } = Epics.SignalR<int>(prefix + "FPProcessConnected_RBV");

    /// <summary>FRProcessConnected_RBV.</summary>
    public SignalR<int> FrInitialised { get; } = Epics.SignalR<int>(prefix + "FRProcessConnected_RBV");

    /// <summary>FPClearErrors (read and written on the same PV).</summary>
    public SignalRW<int> ClearErrors { get; } = Epics.SignalRW<int>(prefix + "FPClearErrors");

    /// <summary>NumCaptured_RBV.</summary>
    public SignalR<int> NumCaptured { get; } = Epics.SignalR<int>(prefix + "NumCaptured_RBV");

    /// <summary>FPErrorMessage_RBV.</summary>
    public SignalR<string> ErrorMessage { get; } = Epics.SignalR<string>(prefix + "FPErrorMessage_RBV");
}
