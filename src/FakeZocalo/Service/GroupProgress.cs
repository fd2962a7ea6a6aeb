using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Service;

/// <summary>What the reducer knows of one data collection group while its frames come in.</summary>
internal sealed class GroupProgress(long dcgid, IReadOnlyList<CollectionRecord> grids, DateTimeOffset now)
{
    private readonly Dictionary<long, CollectionProgress> _collections = [];

    public long Dcgid { get; } = dcgid;

    /// <summary>The group's grid collections in ascending dcid (empty when the group has no grid scan).</summary>
    public IReadOnlyList<CollectionRecord> Grids { get; } = grids;

    /// <summary>The deliveries this group's state was built from, settled when its result is out.</summary>
    public List<TransportMessage> Held { get; } = [];

    public DateTimeOffset LastProgress { get; private set; } = now;

    public bool IsComplete => Grids.Count > 0 && Grids.All(g => _collections.TryGetValue(g.Dcid, out var c) && c.IsComplete);

    /// <summary>Applies one input; false when it added nothing new (a duplicate).</summary>
    public bool Apply(ReducerInput input, DateTimeOffset now)
    {
        var collection = For(input.Dcid);
        var changed = input switch
        {
            CollectionStarted start => collection.Start(start),
            ImageAnalysed image => collection.Add(image),
            CollectionEnded => collection.End(),
            _ => false,
        };
        if (changed)
        {
            LastProgress = now;
        }

        return changed;
    }

    /// <summary>The grids' counts in acquisition order (call when complete).</summary>
    public IReadOnlyList<GridCounts> Counts() =>
        Grids.Select(g => _collections[g.Dcid].Counts(g)).ToArray();

    /// <summary>What is still missing, for the log when the group times out.</summary>
    public string Missing() => string.Join(
        "; ",
        Grids.Select(g => _collections.TryGetValue(g.Dcid, out var c) ? $"dcid {g.Dcid}: {c.Describe()}" : $"dcid {g.Dcid}: no start"));

    private CollectionProgress For(long dcid)
    {
        if (!_collections.TryGetValue(dcid, out var collection))
        {
            collection = new CollectionProgress();
            _collections[dcid] = collection;
        }

        return collection;
    }
}
