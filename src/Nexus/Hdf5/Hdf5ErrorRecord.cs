using System.Runtime.InteropServices;

namespace Hyperion.Nexus.Hdf5;

/// <summary>libhdf5's H5E_error2_t: one entry of its error stack.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Hdf5ErrorRecord
{
    public long ClassId;
    public long MajorId;
    public long MinorId;
    public uint Line;
    public byte* FunctionName;
    public byte* FileName;
    public byte* Description;
}
