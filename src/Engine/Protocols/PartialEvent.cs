namespace Hyperion.Engine.Protocols;

/// <summary>An event as a collectable yields it: data and timestamps only; the RunEngine adds the rest.</summary>
/// <param name="Data">Values by data key.</param>
/// <param name="Timestamps">Timestamps by data key.</param>
/// <param name="Filled">Filled flags of external keys, if any.</param>
public sealed record PartialEvent(
    IReadOnlyDictionary<string, object?> Data,
    IReadOnlyDictionary<string, double> Timestamps,
    IReadOnlyDictionary<string, object>? Filled = null);
