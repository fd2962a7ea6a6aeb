namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// One source of a virtual dataset: <paramref name="Frames"/> frames of <paramref name="Dataset"/> in
/// <paramref name="File"/>, from its frame <paramref name="FirstFrame"/> on, the dataset holding
/// <paramref name="FileFrames"/> frames in all (0 meaning exactly the frames taken).
/// </summary>
internal readonly record struct Hdf5VirtualSource(string File, string Dataset, int Frames, int FirstFrame = 0, int FileFrames = 0)
{
    /// <summary>The frames the source dataset holds: <see cref="FileFrames"/>, or the frames taken when it is 0.</summary>
    public int Extent => FileFrames > 0 ? FileFrames : FirstFrame + Frames;
}
