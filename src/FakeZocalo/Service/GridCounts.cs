namespace Hyperion.FakeZocalo.Service;

/// <summary>One grid's per-image spot counts in acquisition order, with its ISPyB record.</summary>
/// <param name="Collection">The grid's data collection (its <see cref="CollectionRecord.Grid"/> is set).</param>
/// <param name="Filename">The file stem its frames came from.</param>
/// <param name="SpotCounts">Spots per frame, in the order the frames were taken.</param>
public sealed record GridCounts(CollectionRecord Collection, string Filename, IReadOnlyList<int> SpotCounts);
