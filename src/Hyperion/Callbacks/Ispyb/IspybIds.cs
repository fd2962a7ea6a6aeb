namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>The ISPyB ids a deposition has made: the data collection group and its data collections, in order.</summary>
/// <param name="DataCollectionGroupId">The dcgid, or null before the deposition began.</param>
/// <param name="DataCollectionIds">The dcids, in the order the deposition made them.</param>
public sealed record IspybIds(long? DataCollectionGroupId, IReadOnlyList<long> DataCollectionIds)
{
    /// <summary>No deposition made.</summary>
    public static IspybIds None { get; } = new(null, []);

    /// <summary>Whether nothing has been deposited.</summary>
    public bool IsEmpty => DataCollectionGroupId is null && DataCollectionIds.Count == 0;
}
