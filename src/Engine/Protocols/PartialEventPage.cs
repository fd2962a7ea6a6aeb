namespace Hyperion.Engine.Protocols;

/// <summary>A page of events as a collectable yields it: columns of data and timestamps.</summary>
/// <param name="Data">Column of values per data key.</param>
/// <param name="Timestamps">Column of timestamps per data key.</param>
public sealed record PartialEventPage(
    IReadOnlyDictionary<string, IReadOnlyList<object?>> Data,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Timestamps);
