using Hyperion.Devices.Backends;

namespace Hyperion.Devices.Signals;

/// <summary>
/// Signals over EPICS PVs, named as ophyd-async names its factories: epics_signal_r, epics_signal_rw (with an
/// optional separate read PV), epics_signal_rw_rbv (the readback is the PV plus "_RBV"), epics_signal_w,
/// epics_signal_x.
/// </summary>
public static class Epics
{
    /// <summary>A read-only signal of <paramref name="readPv"/>.</summary>
    public static SignalR<T> SignalR<T>(string readPv, string name = "") => new(new PvSignalBackend<T>(readPv), name);

    /// <summary>A read-write signal writing <paramref name="writePv"/> and reading <paramref name="readPv"/> (the same PV when null).</summary>
    public static SignalRW<T> SignalRW<T>(string writePv, string? readPv = null, string name = "") =>
        new(new PvSignalBackend<T>(readPv ?? writePv, writePv), name);

    /// <summary>A read-write signal writing <paramref name="writePv"/> and reading <paramref name="writePv"/> + <paramref name="readSuffix"/>.</summary>
    public static SignalRW<T> SignalRWRbv<T>(string writePv, string readSuffix = "_RBV", string name = "") =>
        new(new PvSignalBackend<T>(writePv + readSuffix, writePv), name);

    /// <summary>A write-only signal of <paramref name="writePv"/>.</summary>
    public static SignalW<T> SignalW<T>(string writePv, string name = "") => new(new PvSignalBackend<T>(writePv), name);

    /// <summary>A command signal: triggering it writes 1 to <paramref name="writePv"/>.</summary>
    public static SignalX SignalX(string writePv, string name = "") => new(new PvSignalBackend<int>(writePv), name);
}
