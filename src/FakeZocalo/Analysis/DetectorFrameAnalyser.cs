using System.Collections.Concurrent;
using Hyperion.FakeZocalo.Frames;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.SpotFinding;

namespace Hyperion.FakeZocalo.Analysis;

/// <summary>
/// The service's per-image analysis: finds each job's frames beside the detector's other files (the NXmx master
/// <c>{filename}.nxs</c> or <c>{filename}_master.h5</c> when it is there, else the data files
/// <c>{filename}_000001.h5</c>, … as the detector writes them), waits for the frame until the job's deadline, and
/// runs the DIALS-identical spot finder. One reader per file series is shared by every job on it.
/// </summary>
public sealed class DetectorFrameAnalyser : IFrameAnalyser, IDisposable
{
    private const int OpenCollections = 16;
    private readonly ConcurrentDictionary<string, Lazy<Task<CollectionAnalyser>>> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _opened = new();
    private readonly FrameReaderOptions _readerOptions;
    private readonly SpotFinderSettings? _settings;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _closing = new();

    /// <summary>Creates the analyser.</summary>
    /// <param name="readerOptions">
    /// How frames are read; its geometry and mask stand in where a collection has no master. Its timeout is the
    /// longest any frame is waited for (jobs stop earlier at their deadline).
    /// </param>
    /// <param name="settings">The spot finder's settings (DIALS' defaults when null).</param>
    public DetectorFrameAnalyser(FrameReaderOptions? readerOptions = null, SpotFinderSettings? settings = null)
    {
        _readerOptions = readerOptions ?? FrameReaderOptions.Default with { Timeout = TimeSpan.FromHours(1) };
        _settings = settings;
        _time = _readerOptions.TimeProvider;
    }

    /// <summary>The file a job's frames are read from, given what exists in its directory now.</summary>
    public static string LocateFrames(string directory, string filename)
    {
        foreach (var master in new[] { filename + ".nxs", filename + "_master.h5" })
        {
            var path = Path.Combine(directory, master);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return Path.Combine(directory, filename + "_000001.h5");
    }

    /// <inheritdoc />
    public async Task<ImageSpotSummary> AnalyseAsync(PerImageJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var key = Path.Combine(job.Directory, job.Filename);
        var left = job.Deadline - _time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            throw new FrameAnalysisException(key, job.FrameIndex, $"its deadline {job.Deadline:O} has passed");
        }

        using var deadline = new CancellationTokenSource(left, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        FrameException? lastError = null;
        try
        {
            while (true)
            {
                try
                {
                    var collection = await OpenAsync(job, key, linked.Token);
                    return await collection.AnalyseFrameAsync(job.FrameIndex, linked.Token);
                }
                catch (FrameException unreadable) when (unreadable is not FrameTimeoutException)
                {
                    // A file can be unreadable for a moment (another program's lock, a copy in progress): try again,
                    // with a fresh reader, until the job's deadline.
                    lastError = unreadable;
                    Forget(key);
                    await Task.Delay(_readerOptions.PollInterval, _time, linked.Token);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw lastError is null
                ? new FrameAnalysisException(key, job.FrameIndex, $"not written within {left.TotalSeconds:0.#} s (by its deadline {job.Deadline:O})")
                : new FrameAnalysisException(lastError.FilePath ?? key, job.FrameIndex, $"still unreadable at its deadline: {lastError.Message}", lastError);
        }
        catch (FrameTimeoutException waited)
        {
            throw new FrameAnalysisException(waited.FilePath ?? key, job.FrameIndex, waited.Message, waited);
        }
    }

    /// <summary>Closes every open file.</summary>
    public void Dispose()
    {
        // Opens still waiting for their files stop here.
        _closing.Cancel();
        foreach (var collection in _collections.Values)
        {
            if (collection.IsValueCreated && collection.Value.IsCompletedSuccessfully)
            {
                collection.Value.Result.Dispose();
            }
        }

        _collections.Clear();
        _closing.Dispose();
    }

    private async Task<CollectionAnalyser> OpenAsync(PerImageJob job, string key, CancellationToken cancellationToken)
    {
        var lazy = _collections.GetOrAdd(
            key,
            _ => new Lazy<Task<CollectionAnalyser>>(() => CollectionAnalyser.OpenAsync(LocateFrames(job.Directory, job.Filename), _readerOptions, _settings, _closing.Token)));
        try
        {
            var collection = await lazy.Value.WaitAsync(cancellationToken);
            if (lazy.IsValueCreated && !_opened.Contains(key))
            {
                _opened.Enqueue(key);
                Evict();
            }

            return collection;
        }
        catch (FrameException)
        {
            // Let the next job try again: the file may yet be written properly.
            _collections.TryRemove(new KeyValuePair<string, Lazy<Task<CollectionAnalyser>>>(key, lazy));
            throw;
        }
    }

    private void Forget(string key) =>
        // Not disposed: jobs still reading through it finish; the runtime closes it when they are done with it.
        _collections.TryRemove(key, out _);

    private void Evict()
    {
        while (_opened.Count > OpenCollections && _opened.TryDequeue(out var oldest))
        {
            Forget(oldest);
        }
    }
}
