using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Serialization;

namespace Hyperion.Engine.Callbacks;

/// <summary>
/// Writes documents as JSON lines, bluesky's <c>JSONLinesWriter</c> format: one
/// <c>{"name": "start", "doc": {...}}</c> object per line with event-model's field names. Subscribe
/// <see cref="Write"/> to a RunEngine.
/// </summary>
/// <remarks>
/// <para>Without a file name each run gets its own file in the directory, named after the first 8 characters
/// of its RunStart uid (<c>a1b2c3d4.jsonl</c>); a document that belongs to no known run goes to a file named
/// after today's date, as bluesky does. With a file name every document goes to that one file. Files are
/// appended to, never truncated.</para>
/// <para>Each line is serialized in memory first and handed to the operating system in one write, unbuffered:
/// a document that cannot be serialized writes nothing, and a crash loses nothing already written and never
/// leaves half a line.</para>
/// </remarks>
public sealed class JsonLinesDocumentWriter : IDisposable
{
    private static readonly byte[] NamePrefix = "{\"name\":"u8.ToArray();
    private static readonly byte[] DocPrefix = ",\"doc\":"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, FileStream> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _runOf = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private string? _lastRun;
    private bool _disposed;

    /// <summary>Writes into <paramref name="directory"/> (created if missing), into <paramref name="fileName"/> if given.</summary>
    public JsonLinesDocumentWriter(string directory, string? fileName = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (fileName is not null && (fileName.Length == 0 || fileName.IndexOfAny(['/', '\\']) >= 0))
        {
            throw new ArgumentException($"The file name '{fileName}' must be a plain name inside the directory.", nameof(fileName));
        }

        Directory = directory;
        FileName = fileName;
        _time = timeProvider ?? TimeProvider.System;
        System.IO.Directory.CreateDirectory(directory);
    }

    /// <summary>The directory the files are written in.</summary>
    public string Directory { get; }

    /// <summary>The single file every document goes to, or null for one file per run.</summary>
    public string? FileName { get; }

    /// <summary>The full paths of the files written so far, in the order they were first written.</summary>
    public IReadOnlyList<string> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _files];
            }
        }
    }

    /// <summary>Writes one document as one line (a <see cref="DocumentCallback"/>).</summary>
    public void Write(DocumentName name, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var run = RunOf(document);
            var key = FileName ?? (run is not null ? run[..Math.Min(8, run.Length)] + ".jsonl" : DatedFileName());
            Serialize(name, document);
            var stream = StreamFor(key);
            stream.Write(_buffer.WrittenSpan);
            stream.Flush();
            if (document is RunStop stop)
            {
                Forget(stop.RunStartUid);
                if (FileName is null && _open.Remove(key, out var finished))
                {
                    finished.Dispose();
                }
            }
        }
    }

    /// <summary>Closes every open file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var stream in _open.Values)
            {
                stream.Dispose();
            }

            _open.Clear();
        }
    }

    private void Serialize(DocumentName name, Document document)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write(NamePrefix);
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = DocumentJson.Options.Encoder }))
        {
            json.WriteStringValue(name.ToWireName());
        }

        _buffer.Write(DocPrefix);
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = DocumentJson.Options.Encoder }))
        {
            JsonSerializer.Serialize(json, document, document.GetType(), DocumentJson.Options);
        }

        _buffer.Write("}\n"u8);
    }

    private FileStream StreamFor(string fileName)
    {
        if (_open.TryGetValue(fileName, out var stream))
        {
            return stream;
        }

        var path = Path.Combine(Directory, fileName);

        // Unbuffered, so that each line reaches the operating system in the single write that carries it.
        stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _open[fileName] = stream;
        if (!_files.Contains(path))
        {
            _files.Add(path);
        }

        return stream;
    }

    private string? RunOf(Document document)
    {
        switch (document)
        {
            case RunStart start:
                _lastRun = start.Uid;
                return start.Uid;
            case EventDescriptor descriptor:
                _runOf[descriptor.Uid] = descriptor.RunStartUid;
                return descriptor.RunStartUid;
            case Resource resource when resource.RunStartUid.Length > 0:
                _runOf[resource.Uid] = resource.RunStartUid;
                return resource.RunStartUid;
            case StreamResource streamResource when streamResource.RunStartUid.Length > 0:
                _runOf[streamResource.Uid] = streamResource.RunStartUid;
                return streamResource.RunStartUid;
            case RunStop stop:
                return stop.RunStartUid;
            case Event ev:
                return _runOf.GetValueOrDefault(ev.Descriptor) ?? _lastRun;
            case EventPage page:
                return _runOf.GetValueOrDefault(page.Descriptor) ?? _lastRun;
            case Datum datum:
                return _runOf.GetValueOrDefault(datum.Resource) ?? _lastRun;
            case DatumPage datumPage:
                return _runOf.GetValueOrDefault(datumPage.Resource) ?? _lastRun;
            case StreamDatum streamDatum:
                return _runOf.GetValueOrDefault(streamDatum.StreamResource) ?? _lastRun;
            default:
                return _lastRun;
        }
    }

    private void Forget(string run)
    {
        foreach (var (uid, owner) in _runOf.ToList())
        {
            if (owner == run)
            {
                _runOf.Remove(uid);
            }
        }
    }

    private string DatedFileName() =>
        _time.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl";
}
