namespace Hyperion.FakeZocalo.Client;

/// <summary>What a start message says about a collection (mx-bluesky's <c>ZocaloStartInfo</c>).</summary>
/// <param name="Dcid">The ISPyB data collection id.</param>
/// <param name="Filename">The detector's file stem, <c>prefix_run</c>.</param>
/// <param name="StartFrameIndex">The collection's first frame in the file series.</param>
/// <param name="NumberOfFrames">How many frames the collection has.</param>
/// <param name="MessageIndex">Its place among the starts that share the file series.</param>
public sealed record ZocaloStartInfo(long Dcid, string Filename, int StartFrameIndex, int NumberOfFrames, int MessageIndex);
