using System.Text.RegularExpressions;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.FakeZocalo.Frames;

/// <summary>
/// Reads a collection's frames from the detector's HDF5 files as they are written, waiting (on the options'
/// <see cref="TimeProvider"/>, polling) for files and frames not there yet, up to a timeout that raises
/// <see cref="FrameTimeoutException"/> naming the file and frame. Opened from either
/// <list type="bullet">
/// <item>an NXmx master (<c>{stem}.nxs</c>): geometry, mask and pixel type come from it (<see cref="NxmxFile"/>); it
/// is readable once every data file it links is complete, so the source waits for that; or</item>
/// <item>a data file (<c>{stem}_000001.h5</c>): the series <c>{stem}_000002.h5</c>, ... follows it, each file read as
/// soon as it appears under its final name (the detector writes <c>.partial</c> files and renames them when complete);
/// geometry, beam and mask come from the <see cref="FrameReaderOptions"/> (an Eiger of the frame's size by default).</item>
/// </list>
/// A file that exists but cannot be read raises <see cref="FrameException"/> at once. Safe to use from several threads:
/// reads are serialised.
/// </summary>
public sealed partial class FrameSource : IDisposable
{
    private readonly FrameReaderOptions _options;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly NxmxFile? _master;
    private readonly DateTimeOffset _masterSeenAt;
    private readonly List<(DataFileReader Reader, DateTimeOffset SeenAt)> _files = [];
    private readonly string? _seriesStem;

    private FrameSource(string path, FrameReaderOptions options, NxmxFile master, DateTimeOffset seenAt)
    {
        FilePath = path;
        _options = options;
        _master = master;
        _masterSeenAt = seenAt;
        Detector = master.Detector;
        Beam = master.Beam;
        Mask = master.Mask;
        PixelType = master.PixelType;
        ImageCount = master.ImageCount;
    }

    private FrameSource(string path, FrameReaderOptions options, DataFileReader first, DateTimeOffset seenAt, string? seriesStem)
    {
        FilePath = path;
        _options = options;
        _files.Add((first, seenAt));
        _seriesStem = seriesStem;
        Detector = options.Detector ?? new DetectorGeometry(first.Width, first.Height, 0.075, 250, first.Width / 2.0, first.Height / 2.0) { Description = "Eiger" };
        if (Detector.Width != first.Width || Detector.Height != first.Height)
        {
            first.Dispose();
            throw new FrameException($"holds {first.Width} × {first.Height} frames; the detector given is {Detector.Width} × {Detector.Height}.", path, null);
        }

        Beam = options.Beam ?? BeamGeometry.FromEnergy(12.7);
        Mask = options.Mask ?? PixelMask.EigerModuleGaps(first.Width, first.Height);
        PixelType = first.PixelType;
        ImageCount = seriesStem is null ? first.FrameCount : null;
    }

    /// <summary>The file opened (the master, or the first data file).</summary>
    public string FilePath { get; }

    /// <summary>Whether the source was opened from an NXmx master.</summary>
    public bool IsMaster => _master is not null;

    /// <summary>The detector.</summary>
    public DetectorGeometry Detector { get; }

    /// <summary>The beam.</summary>
    public BeamGeometry Beam { get; }

    /// <summary>The pixel mask, if any.</summary>
    public PixelMask? Mask { get; }

    /// <summary>The frames' pixel type.</summary>
    public PixelType PixelType { get; }

    /// <summary>The frames in the collection, where known (a master, or a lone data file); null for a series still being written.</summary>
    public int? ImageCount { get; }

    /// <summary>
    /// Opens <paramref name="path"/> (an NXmx master ending <c>.nxs</c>, or a data file), waiting for it (and, for a
    /// master, its data files) to be written.
    /// </summary>
    /// <exception cref="FrameTimeoutException">The file was not readable within the timeout.</exception>
    /// <exception cref="FrameException">The file exists but is not a master or data file.</exception>
    public static async Task<FrameSource> OpenAsync(string path, FrameReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= FrameReaderOptions.Default;
        options.Validate();
        var full = Path.GetFullPath(path);
        var waiting = new Waiter(options, full, null);
        if (full.EndsWith(".nxs", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".nx5", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                if (File.Exists(full))
                {
                    try
                    {
                        var master = NxmxFile.Open(full);
                        return new FrameSource(full, options, master, options.TimeProvider.GetUtcNow());
                    }
                    catch (NexusFormatException e) when (IsDataNotWrittenYet(e, full))
                    {
                        // The master links data files the detector has not finished: wait for them.
                    }
                    catch (NexusFormatException e)
                    {
                        throw new FrameException($"not a readable NXmx master: {e.Message}", full, null, e);
                    }
                }

                await waiting.NextAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var match = SeriesName().Match(Path.GetFileName(full));
        var stem = match.Success && match.Groups[2].Value == "000001" ? Path.Combine(Path.GetDirectoryName(full)!, match.Groups[1].Value) : null;
        while (!File.Exists(full))
        {
            await waiting.NextAsync(cancellationToken).ConfigureAwait(false);
        }

        var seenAt = options.TimeProvider.GetUtcNow();
        return new FrameSource(full, options, DataFileReader.Open(full), seenAt, stem);
    }

    /// <summary>Reads frame <paramref name="index"/> (0-based), waiting for it to be written.</summary>
    /// <exception cref="FrameTimeoutException">The frame was not written within the timeout.</exception>
    /// <exception cref="FrameException">Its file cannot be read, or the collection has fewer frames.</exception>
    public async Task<Frame> ReadFrameAsync(int index, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pixels = new uint[Detector.Width * Detector.Height];
        if (_master is not null)
        {
            // Frames count through the data files the master links (Zocalo's start_frame_index): a second grid's frames
            // follow the first's in files both masters share.
            if (index >= _master.DataFileFrameCount)
            {
                throw new FrameException($"the data files hold {_master.DataFileFrameCount} frames.", FilePath, index + 1);
            }

            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _master.ReadDataFileFrame(index, pixels);
            }
            catch (NexusFormatException e)
            {
                throw new FrameException(e.Message, FilePath, index + 1, e);
            }
            finally
            {
                _lock.Release();
            }

            return new Frame(index, pixels, PixelType, FilePath, _masterSeenAt);
        }

        var waiting = new Waiter(_options, FilePath, index + 1);
        while (true)
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var first = 0;
                for (var f = 0; ; f++)
                {
                    if (f == _files.Count && !TryOpenNext(f, index + 1))
                    {
                        break;
                    }

                    var (reader, seenAt) = _files[f];
                    if (index < first + reader.FrameCount)
                    {
                        reader.Read(index - first, pixels, index + 1);
                        return new Frame(index, pixels, PixelType, reader.FilePath, seenAt);
                    }

                    first += reader.FrameCount;
                }

                if (_seriesStem is null)
                {
                    throw new FrameException($"the file has {first} frames.", FilePath, index + 1);
                }

                waiting.File = NextFileName(_files.Count);
            }
            finally
            {
                _lock.Release();
            }

            await waiting.NextAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _master?.Dispose();
        foreach (var (reader, _) in _files)
        {
            reader.Dispose();
        }

        _lock.Dispose();
    }

    private bool _disposed;

    // A master whose links cannot be followed yet: the data file it names is not there.
    private static bool IsDataNotWrittenYet(NexusFormatException e, string master)
    {
        if (e.Hdf5Path is not { } path || !path.StartsWith("/entry/data/", StringComparison.Ordinal))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(master)!;
        var stem = Path.GetFileNameWithoutExtension(master);
        var number = path[(path.LastIndexOf('_') + 1)..];
        return !File.Exists(Path.Combine(directory, $"{stem}_{number}.h5"));
    }

    private bool TryOpenNext(int f, int frameNumber)
    {
        if (_seriesStem is null)
        {
            return false;
        }

        var next = NextFileName(f);
        if (!File.Exists(next))
        {
            return false;
        }

        var reader = DataFileReader.Open(next);
        if (reader.Width != Detector.Width || reader.Height != Detector.Height || reader.PixelType != PixelType)
        {
            reader.Dispose();
            throw new FrameException($"holds {reader.Width} × {reader.Height} {reader.PixelType} frames; the series is {Detector.Width} × {Detector.Height} {PixelType}.", next, frameNumber);
        }

        _files.Add((reader, _options.TimeProvider.GetUtcNow()));
        return true;
    }

    private string NextFileName(int f) => $"{_seriesStem}_{f + 1:D6}.h5";

    [GeneratedRegex(@"^(.*)_(\d{6})\.h5$")]
    private static partial Regex SeriesName();

    /// <summary>Waits in poll-interval steps until the timeout, then throws <see cref="FrameTimeoutException"/>.</summary>
    private sealed class Waiter(FrameReaderOptions options, string file, int? frameNumber)
    {
        private readonly long _start = options.TimeProvider.GetTimestamp();

        public string File { get; set; } = file;

        public async Task NextAsync(CancellationToken cancellationToken)
        {
            var waited = options.TimeProvider.GetElapsedTime(_start);
            if (waited >= options.Timeout)
            {
                throw new FrameTimeoutException(File, frameNumber, options.Timeout);
            }

            var remaining = options.Timeout - waited;
            await Task.Delay(remaining < options.PollInterval ? remaining : options.PollInterval, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
