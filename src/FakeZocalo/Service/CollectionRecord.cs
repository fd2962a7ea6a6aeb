using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Service;

/// <summary>The ISPyB facts about one data collection that processing needs.</summary>
/// <param name="Dcid">The data collection id.</param>
/// <param name="Dcgid">Its group.</param>
/// <param name="ImageDirectory">Where the detector writes its files.</param>
/// <param name="NumberOfImages">How many images ISPyB expects.</param>
/// <param name="Grid">Its grid (from GridInfo), or null when it is not a grid scan.</param>
/// <param name="SampleId">The sample it was of (BLSAMPLEID), which X-ray centring results carry, or null.</param>
public sealed record CollectionRecord(long Dcid, long Dcgid, string ImageDirectory, int NumberOfImages, GridLayout? Grid, long? SampleId = null);
