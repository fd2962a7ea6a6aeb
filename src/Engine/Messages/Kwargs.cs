using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Hyperion.Engine.Messages;

/// <summary>
/// Compact read-only keyword arguments for messages. Most messages carry one to three keyword arguments;
/// an array-backed map costs a third of a dictionary's memory, which matters once per message on the hot path.
/// </summary>
public sealed class Kwargs : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    private Kwargs(string[] keys, object?[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>One keyword argument.</summary>
    public static Kwargs Of(string key, object? value) => new([key], [value]);

    /// <summary>Two keyword arguments.</summary>
    public static Kwargs Of(string key1, object? value1, string key2, object? value2) =>
        string.Equals(key1, key2, StringComparison.Ordinal)
            ? throw new ArgumentException($"Keyword argument '{key1}' given twice.", nameof(key2))
            : new([key1, key2], [value1, value2]);

    /// <summary>Several keyword arguments; later duplicates replace earlier ones.</summary>
    public static IReadOnlyDictionary<string, object?> Of(params (string Key, object? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var keys = new List<string>(pairs.Length);
        var values = new List<object?>(pairs.Length);
        foreach (var (key, value) in pairs)
        {
            var index = keys.IndexOf(key);
            if (index >= 0)
            {
                values[index] = value;
            }
            else
            {
                keys.Add(key);
                values.Add(value);
            }
        }

        return new Kwargs([.. keys], [.. values]);
    }

    /// <inheritdoc />
    public int Count => _keys.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _keys;

    /// <inheritdoc />
    public IEnumerable<object?> Values => _values;

    /// <inheritdoc />
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No keyword argument '{key}'.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = _values[index];
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new(_keys[i], _values[i]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
