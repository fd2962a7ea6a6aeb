using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Detectors;

/// <summary>
/// A detector writer with no files: it counts the frames a <see cref="SimDetectorController"/> reports and
/// describes them as an HDF5 stream (/entry/data/data in {directory}/{name}.h5), so a simulated detector produces
/// the same StreamResource/StreamDatum documents a real one does.
/// </summary>
public sealed class SimDetectorWriter : IDetectorWriter
{
    private readonly Lock _gate = new();
    private readonly List<Channel<long>> _observers = [];
    private readonly string _directory;
    private readonly int _height;
    private readonly int _width;
    private readonly Func<string> _newUid;
    private long _frames;
    private int _exposuresPerEvent = 1;
    private string? _resourceUid;
    private long _indicesDescribed;

    /// <summary>Creates the writer for images of <paramref name="height"/> × <paramref name="width"/>.</summary>
    public SimDetectorWriter(string directory = "/tmp", int height = 4362, int width = 4148, Func<string>? newUid = null)
    {
        _directory = directory;
        _height = height;
        _width = width;
        _newUid = newUid ?? (() => Guid.NewGuid().ToString());
    }

    /// <summary>Whether the writer is open.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Records one exposure written.</summary>
    public void AddFrame()
    {
        long indices;
        Channel<long>[] observers;
        lock (_gate)
        {
            _frames++;
            indices = _frames / _exposuresPerEvent;
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            observer.Writer.TryWrite(indices);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, DataKey>> OpenAsync(string name, int exposuresPerEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _exposuresPerEvent = exposuresPerEvent;
            _frames = 0;
            _resourceUid = null;
            _indicesDescribed = 0;
            IsOpen = true;
        }

        IReadOnlyDictionary<string, DataKey> keys = new Dictionary<string, DataKey>
        {
            [name] = new() { Dtype = "array", DtypeNumpy = "<u4", Shape = [exposuresPerEvent, _height, _width], Source = $"file://localhost{FilePath(name)}", External = "STREAM:" },
        };
        return Task.FromResult(keys);
    }

    /// <inheritdoc/>
    public Task<long> GetIndicesWrittenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_frames / _exposuresPerEvent);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<long> ObserveIndicesWrittenAsync(TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _observers.Add(channel);
            channel.Writer.TryWrite(_frames / _exposuresPerEvent);
        }

        try
        {
            while (true)
            {
                long value;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    wait.CancelAfter(timeout);
                    try
                    {
                        value = await channel.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new TimeoutException($"No frame written within {timeout.TotalSeconds:0.###} s.");
                    }
                }

                yield return value;
            }
        }
        finally
        {
            lock (_gate)
            {
                _observers.Remove(channel);
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Document> CollectStreamDocsAsync(string name, long indicesWritten, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        string resource;
        long from;
        bool first;
        lock (_gate)
        {
            if (indicesWritten <= _indicesDescribed)
            {
                yield break;
            }

            first = _resourceUid is null;
            resource = _resourceUid ??= _newUid();
            from = _indicesDescribed;
            _indicesDescribed = indicesWritten;
        }

        if (first)
        {
            yield return new StreamResource
            {
                Uid = resource,
                DataKey = name,
                Mimetype = "application/x-hdf5",
                Uri = $"file://localhost{FilePath(name)}",
                Parameters = new(StringComparer.Ordinal) { ["dataset"] = "/entry/data/data", ["chunk_shape"] = new[] { 1, _height, _width } },
            };
        }

        yield return new StreamDatum { Uid = $"{resource}/{from}", StreamResource = resource, Indices = new StreamRange(from, indicesWritten) };
    }

    /// <inheritdoc/>
    public Task CloseAsync(CancellationToken cancellationToken)
    {
        IsOpen = false;
        return Task.CompletedTask;
    }

    private string FilePath(string name) => Path.Combine(_directory, name + ".h5");
}
