using System.Runtime.InteropServices;

namespace Hyperion.Nexus.Hdf5;

/// <summary>libhdf5's H5Z_class2_t: a filter's registration (the callbacks are unmanaged function pointers).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Hdf5FilterClass
{
    public int Version;
    public int Id;
    public uint EncoderPresent;
    public uint DecoderPresent;
    public IntPtr Name;
    public IntPtr CanApply;
    public IntPtr SetLocal;
    public IntPtr Filter;
}
