using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Hyperion.Engine.Metadata;

/// <summary>
/// Metadata that survives the process (bluesky's <c>PersistentDict</c>): a dictionary backed by one JSON file in a
/// directory, for <c>RunEngineOptions.Metadata</c>, so that <c>scan_id</c> and the beamline's standing metadata
/// carry over between sessions.
/// </summary>
/// <remarks>
/// <para>Values are kept in their plain JSON shapes (null, bool, string, long, double,
/// <c>Dictionary&lt;string, object?&gt;</c>, <c>List&lt;object?&gt;</c>); anything else is converted when it is
/// stored, so a value reads back the same from memory and from a later session. Values JSON cannot hold (NaN,
/// non-string keys, unserializable objects) are refused with an <see cref="ArgumentException"/>.</para>
/// <para>Every mutation writes the whole store to a temporary file, flushes it to disk and renames it over the
/// file: the file is always either the old or the new contents. If the write fails the mutation is not applied.
/// As with bluesky, changing a nested dictionary in place is not seen; call <see cref="Flush"/> after it.
/// Safe from any thread of one process; two processes must not share a directory.</para>
/// </remarks>
public sealed class PersistentMetadata : IDictionary<string, object?>
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    private readonly Lock _gate = new();
    private Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>Opens (or starts) the store in <paramref name="directory"/>, creating it if missing, and loads the file if present.</summary>
    public PersistentMetadata(string directory, string fileName = "metadata.json")
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"The file name '{fileName}' must be a plain name inside the directory.", nameof(fileName));
        }

        Directory = directory;
        FilePath = System.IO.Path.Combine(directory, fileName);
        System.IO.Directory.CreateDirectory(directory);
        Reload();
    }

    /// <summary>The directory holding the file.</summary>
    public string Directory { get; }

    /// <summary>The JSON file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public ICollection<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _values.Keys];
            }
        }
    }

    /// <inheritdoc />
    public ICollection<object?> Values
    {
        get
        {
            lock (_gate)
            {
                return [.. _values.Values];
            }
        }
    }

    /// <inheritdoc />
    public object? this[string key]
    {
        get
        {
            lock (_gate)
            {
                return _values.TryGetValue(key, out var value)
                    ? value
                    : throw new KeyNotFoundException($"'{key}' is not in the persistent metadata at {FilePath}.");
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(key);
            var plain = PlainJson.Normalize(value, key);
            Mutate(values => values[key] = plain);
        }
    }

    /// <summary>Reads the file again, replacing what is in memory; throws <see cref="PersistentMetadataException"/> if it is corrupt.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _values = Load();
        }
    }

    /// <summary>Writes the current contents, e.g. after changing a nested dictionary in place.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            Save(_values);
        }
    }

    /// <inheritdoc />
    public void Add(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = PlainJson.Normalize(value, key);
        Mutate(values => values.Add(key, plain));
    }

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public bool Remove(string key)
    {
        var removed = false;
        Mutate(values => removed = values.Remove(key));
        return removed;
    }

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object?> item)
    {
        var removed = false;
        Mutate(values =>
        {
            if (values.TryGetValue(item.Key, out var current) && Equals(current, item.Value))
            {
                removed = values.Remove(item.Key);
            }
        });
        return removed;
    }

    /// <inheritdoc />
    public void Clear() => Mutate(values => values.Clear());

    /// <inheritdoc />
    public bool ContainsKey(string key)
    {
        lock (_gate)
        {
            return _values.ContainsKey(key);
        }
    }

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object?> item)
    {
        lock (_gate)
        {
            return _values.TryGetValue(item.Key, out var value) && Equals(value, item.Value);
        }
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        lock (_gate)
        {
            return _values.TryGetValue(key, out value);
        }
    }

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        lock (_gate)
        {
            ((ICollection<KeyValuePair<string, object?>>)_values).CopyTo(array, arrayIndex);
        }
    }

    /// <summary>Enumerates a snapshot, so other threads may change the store meanwhile.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        lock (_gate)
        {
            return _values.ToList().GetEnumerator();
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"PersistentMetadata({FilePath}, {Count} keys)";

    private void Mutate(Action<Dictionary<string, object?>> change)
    {
        lock (_gate)
        {
            // Change a copy and make it current only once it is safely on disk.
            var next = new Dictionary<string, object?>(_values, StringComparer.Ordinal);
            change(next);
            Save(next);
            _values = next;
        }
    }

    private Dictionary<string, object?> Load()
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(FilePath))
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            bytes = File.ReadAllBytes(FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PersistentMetadataException(FilePath, $"cannot be read ({ex.Message}).", ex);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PersistentMetadataException(FilePath, $"must hold a JSON object, but holds a {document.RootElement.ValueKind}.");
            }

            return (Dictionary<string, object?>)PlainJson.FromElement(document.RootElement)!;
        }
        catch (JsonException ex)
        {
            throw new PersistentMetadataException(FilePath, $"is not valid JSON ({ex.Message}). Fix or remove the file; it was left untouched.", ex);
        }
    }

    private void Save(Dictionary<string, object?> values)
    {
        var temp = System.IO.Path.Combine(Directory, $".{System.IO.Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, WriterOptions))
                {
                    PlainJson.Write(writer, values);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new PersistentMetadataException(FilePath, $"cannot be written ({ex.Message}); the change was not applied.", ex);
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The write already failed and is being reported; a stray temporary file does not change the store.
            System.Diagnostics.Trace.TraceWarning($"Could not delete temporary metadata file {temp}: {ex.Message}");
        }
    }
}
