using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// Odin's HDF5 file writer (prefix e.g. BL03I-EA-EIGER-01:OD:), the HDF5Plugin_V22 signals dodal uses plus Odin's
/// own. Settable signals write X and read X_RBV unless noted.
/// </summary>
public sealed class OdinFileWriter(string prefix, string name = "") : Device(name)
{
    /// <summary>StartTimeout (read and written on the same PV): 1 lets the writers time out and close.</summary>
    public SignalRW<int> StartTimeout { get; } = Epics.SignalRW<int>(prefix + "StartTimeout");

    /// <summary>AcquisitionID_RBV: follows <see cref="FileName"/>; not to be set.</summary>
    public SignalR<string> Id { get; } = Epics.SignalR<string>(prefix + "AcquisitionID_RBV");

    /// <summary>ImageHeight, pixels.</summary>
    public SignalRW<int> ImageHeight { get; } = Epics.SignalRWRbv<int>(prefix + "ImageHeight");

    /// <summary>ImageWidth, pixels.</summary>
    public SignalRW<int> ImageWidth { get; } = Epics.SignalRWRbv<int>(prefix + "ImageWidth");

    /// <summary>FilePath (a path: the readback matches whatever the trailing '/').</summary>
    public SignalRW<string> FilePath { get; } = Epics.SignalRWRbv<string>(prefix + "FilePath");

    /// <summary>FileName.</summary>
    public SignalRW<string> FileName { get; } = Epics.SignalRWRbv<string>(prefix + "FileName");

    /// <summary>Capture: 1 starts writing, 0 stops.</summary>
    public SignalRW<int> Capture { get; } = Epics.SignalRWRbv<int>(prefix + "Capture");

    /// <summary>NumCapture: frames to write, 0 for until stopped.</summary>
    public SignalRW<int> NumCapture { get; } = Epics.SignalRWRbv<int>(prefix + "NumCapture");

    /// <summary>NumCaptured_RBV.</summary>
    public SignalR<int> NumCaptured { get; } = Epics.SignalR<int>(prefix + "NumCaptured_RBV");

    /// <summary>DataType, e.g. "UInt16".</summary>
    public SignalRW<string> DataType { get; } = Epics.SignalRWRbv<string>(prefix + "DataType");

    /// <summary>NumFramesChunks.</summary>
    public SignalRW<int> NumFramesChunks { get; } = Epics.SignalRWRbv<int>(prefix + "NumFramesChunks");

    /// <summary>NumRowChunks.</summary>
    public SignalRW<int> NumRowChunks { get; } = Epics.SignalRWRbv<int>(prefix + "NumRowChunks");

    /// <summary>NumColChunks.</summary>
    public SignalRW<int> NumColChunks { get; } = Epics.SignalRWRbv<int>(prefix + "NumColChunks");
}
