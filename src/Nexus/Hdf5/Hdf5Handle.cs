using Microsoft.Win32.SafeHandles;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// An open HDF5 identifier (hid_t), closed exactly once with the call its <see cref="Kind"/> needs, even when the
/// code that opened it fails or forgets to dispose it.
/// </summary>
internal sealed class Hdf5Handle : SafeHandleZeroOrMinusOneIsInvalid
{
    public Hdf5Handle(long id, Hdf5HandleKind kind)
        : base(ownsHandle: true)
    {
        SetHandle(checked((IntPtr)id));
        Kind = kind;
    }

    public Hdf5HandleKind Kind { get; }

    /// <summary>The hid_t to pass to libhdf5; valid until the handle is closed.</summary>
    public long Id
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return (long)handle;
        }
    }

    /// <summary>
    /// Closes the identifier now and throws if libhdf5 reports a failure (closing a file flushes it, so a full disk
    /// shows up here), which <see cref="IDisposable.Dispose"/> cannot report.
    /// </summary>
    public void CloseChecked(string? file, string? path)
    {
        if (IsClosed)
        {
            return;
        }

        var id = (long)handle;
        SetHandleAsInvalid();
        Dispose();
        Hdf5Library.Check(Hdf5Library.CloseId(id, Kind), Hdf5Library.CloseCall(Kind), file, path);
    }

    protected override bool ReleaseHandle() => Hdf5Library.CloseId((long)handle, Kind) >= 0;
}
