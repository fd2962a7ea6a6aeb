namespace Hyperion.Nexus.Nxmx;

/// <summary>One data file as a master file links it.</summary>
/// <param name="LinkPath">The link in the master, e.g. <c>/entry/data/data_000001</c>.</param>
/// <param name="FirstFrame">The 0-based index of its first frame in the collection.</param>
/// <param name="FrameCount">Its frames.</param>
public sealed record NxmxDataFile(string LinkPath, int FirstFrame, int FrameCount);
