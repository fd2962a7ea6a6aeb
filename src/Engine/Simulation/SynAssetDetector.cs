using System.Runtime.CompilerServices;
using Hyperion.Engine.Composition;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated detector with old-style external data (ophyd v1 file plugins): one Resource per run and a
/// Datum per frame, whose id the event carries in place of the image.
/// </summary>
public sealed class SynAssetDetector : IReadable, ITriggerable, IWritesExternalAssets
{
    private readonly TimeProvider _time;
    private readonly DocumentClock _uids;
    private readonly List<Document> _pending = [];
    private string? _resourceUid;
    private int _frame;
    private string _lastDatum = string.Empty;

    /// <summary>Creates the detector.</summary>
    public SynAssetDetector(string name, TimeProvider? time = null, DocumentClock? uids = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _time = time ?? TimeProvider.System;
        _uids = uids ?? DocumentClock.Default;
    }

    /// <inheritdoc />
    public string Name { get; }

    private string ImageKey => Name + "_image";

    /// <inheritdoc />
    public Status Trigger()
    {
        if (_resourceUid is null)
        {
            _resourceUid = _uids.NewUid();
            _pending.Add(new Resource
            {
                Uid = _resourceUid,
                Spec = "AD_HDF5",
                Root = "/tmp",
                ResourcePath = $"{Name}.h5",
                ResourceKwargs = new(StringComparer.Ordinal) { ["frame_per_point"] = 1 },
            });
        }

        _lastDatum = $"{_resourceUid}/{_frame}";
        _pending.Add(new Datum { DatumId = _lastDatum, Resource = _resourceUid, DatumKwargs = new(StringComparer.Ordinal) { ["point_number"] = _frame } });
        _frame++;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, Reading>(StringComparer.Ordinal) { [ImageKey] = new(_lastDatum, SimClock.Now(_time)) });

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey>(StringComparer.Ordinal)
        {
            [ImageKey] = new() { Dtype = "array", Shape = [10, 10], Source = $"SIM:{Name}", External = "FILESTORE:", DtypeNumpy = "<u2" },
        });

    /// <inheritdoc />
    public async IAsyncEnumerable<Document> CollectAssetDocsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var docs = _pending.ToList();
        _pending.Clear();
        foreach (var doc in docs)
        {
            yield return doc;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
