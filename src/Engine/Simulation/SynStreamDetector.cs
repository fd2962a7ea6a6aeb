using System.Runtime.CompilerServices;
using Hyperion.Engine.Composition;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated area detector that writes its frames to a file (as ophyd-async's StandardDetector does):
/// events carry only a summary value, and the frames are described by one StreamResource and a
/// StreamDatum per batch of frames.
/// </summary>
public sealed class SynStreamDetector : IReadable, ITriggerable, IWritesStreamAssets, ICollectable, IFlyable, IHasHints
{
    private readonly TimeProvider _time;
    private readonly DocumentClock _uids;
    private readonly string _directory;
    private string? _resourceUid;
    private long _framesWritten;
    private long _framesDescribed;

    /// <summary>Creates the detector writing into <paramref name="directory"/>.</summary>
    public SynStreamDetector(string name, string directory = "/tmp", int width = 64, int height = 48, TimeProvider? time = null, DocumentClock? uids = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Width = width;
        Height = height;
        _directory = directory;
        _time = time ?? TimeProvider.System;
        _uids = uids ?? DocumentClock.Default;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frames per fly scan (kickoff/complete).</summary>
    public int FramesPerFly { get; set; } = 3;

    private string ImageKey => Name + "-image";

    private string TotalKey => Name + "-total";

    /// <inheritdoc />
    public Hints Hints => new() { Fields = [TotalKey] };

    /// <inheritdoc />
    public Status Trigger()
    {
        _framesWritten++;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public Status Kickoff() => Status.CompletedFor(this);

    /// <inheritdoc />
    public Status Complete()
    {
        _framesWritten += FramesPerFly;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, Reading>(StringComparer.Ordinal) { [TotalKey] = new((double)_framesWritten * Width * Height, SimClock.Now(_time)) });

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) => new(Keys(withTotal: true));

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeCollectAsync(CancellationToken cancellationToken = default) => new(Keys(withTotal: false));

    /// <inheritdoc />
    public ValueTask<long> GetIndexAsync(CancellationToken cancellationToken = default) => new(_framesWritten);

    /// <inheritdoc />
    public async IAsyncEnumerable<Document> CollectStreamDocsAsync(long? index, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var upTo = Math.Min(index ?? _framesWritten, _framesWritten);
        if (upTo <= _framesDescribed)
        {
            yield break;
        }

        if (_resourceUid is null)
        {
            _resourceUid = _uids.NewUid();
            yield return new StreamResource
            {
                Uid = _resourceUid,
                DataKey = ImageKey,
                Mimetype = "application/x-hdf5",
                Uri = $"file://localhost{Path.Combine(_directory, Name + ".h5")}",
                Parameters = new(StringComparer.Ordinal) { ["dataset"] = "/entry/data/data", ["chunk_shape"] = new[] { 1, Height, Width } },
            };
        }

        yield return new StreamDatum
        {
            Uid = $"{_resourceUid}/{_framesDescribed}",
            StreamResource = _resourceUid,
            Indices = new StreamRange(_framesDescribed, upTo),
        };
        _framesDescribed = upTo;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private Dictionary<string, DataKey> Keys(bool withTotal)
    {
        var keys = new Dictionary<string, DataKey>(StringComparer.Ordinal)
        {
            [ImageKey] = new() { Dtype = "array", Shape = [1, Height, Width], Source = $"SIM:{Name}", External = "STREAM:", DtypeNumpy = "<u2" },
        };
        if (withTotal)
        {
            keys[TotalKey] = DataKey.Number($"SIM:{Name}-total", "counts");
        }

        return keys;
    }
}
