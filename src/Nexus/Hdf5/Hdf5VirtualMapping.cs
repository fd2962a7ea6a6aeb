namespace Hyperion.Nexus.Hdf5;

/// <summary>One mapping of a virtual dataset, as read back: <paramref name="Frames"/> frames of <paramref name="SourceFile"/>
/// from its frame <paramref name="SourceStart"/>, at frame <paramref name="VirtualStart"/> of the virtual dataset.</summary>
internal readonly record struct Hdf5VirtualMapping(string SourceFile, long VirtualStart, long SourceStart, long Frames);
