namespace Hyperion.Nexus.Hdf5;

/// <summary>One source of a virtual dataset: <paramref name="Frames"/> frames of <paramref name="Dataset"/> in <paramref name="File"/>.</summary>
internal readonly record struct Hdf5VirtualSource(string File, string Dataset, int Frames);
