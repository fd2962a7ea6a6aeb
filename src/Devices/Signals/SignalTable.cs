using System.Collections.Immutable;

namespace Hyperion.Devices.Signals;

/// <summary>
/// A table signal's value (ophyd-async's Table): named columns of equal length, e.g. a PandA sequencer table.
/// Columns are arrays; the table is immutable and compares by content.
/// </summary>
public sealed class SignalTable : IEquatable<SignalTable>
{
    /// <summary>Creates a table; every column must have the same length.</summary>
    public SignalTable(IReadOnlyDictionary<string, Array> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var lengths = columns.Select(c => c.Value.Length).Distinct().ToList();
        if (lengths.Count > 1)
        {
            throw new ArgumentException($"Table columns differ in length: {string.Join(", ", columns.Select(c => $"{c.Key}={c.Value.Length}"))}.", nameof(columns));
        }

        Columns = columns.ToImmutableSortedDictionary(StringComparer.Ordinal);
        RowCount = lengths.Count == 0 ? 0 : lengths[0];
    }

    /// <summary>The columns by name.</summary>
    public ImmutableSortedDictionary<string, Array> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <inheritdoc/>
    public bool Equals(SignalTable? other) =>
        other is not null && RowCount == other.RowCount && Columns.Count == other.Columns.Count &&
        Columns.All(c => other.Columns.TryGetValue(c.Key, out var o) && c.Value.Cast<object>().SequenceEqual(o.Cast<object>()));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignalTable);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RowCount, string.Join(",", Columns.Keys));
}
