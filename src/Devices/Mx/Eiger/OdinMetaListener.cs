using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>Odin's meta listener (prefix e.g. BL03I-EA-EIGER-01:OD:META:), which writes the _meta.h5 file.</summary>
public sealed class OdinMetaListener(string prefix, string name = "") : Device(name)
{
    /// <summary>ProcessConnected_RBV.</summary>
    public SignalR<int> Initialised { get; } = Epics.SignalR<int>(prefix + "ProcessConnected_RBV");

    /// <summary>Writing_RBV: 1 while the meta file is being written.</summary>
    public SignalR<int> Ready { get; } = Epics.SignalR<int>(prefix + "Writing_RBV");

    /// <summary>FileName: mirrors the file writer's file name; not to be set.</summary>
    public SignalR<string> FileName { get; } = Epics.SignalR<string>(prefix + "FileName");

    /// <summary>Stop (read and written on the same PV).</summary>
    public SignalRW<int> StopWriting { get; } = Epics.SignalRW<int>(prefix + "Stop");

    /// <summary>AcquisitionActive_RBV.</summary>
    public SignalR<int> Active { get; } = Epics.SignalR<int>(prefix + "AcquisitionActive_RBV");
}
