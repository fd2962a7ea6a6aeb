using System.Collections;
using System.Globalization;

namespace Hyperion.Devices.Core;

/// <summary>Numbered children of one type (ophyd-async's DeviceVector): filter 1..n, robot pucks, zebra outputs.</summary>
/// <typeparam name="TDevice">The member type.</typeparam>
public sealed class DeviceVector<TDevice> : Device, IReadOnlyDictionary<int, TDevice>
    where TDevice : Device
{
    private readonly SortedDictionary<int, TDevice> _members;

    /// <summary>Creates the vector from <paramref name="members"/> by index and names it.</summary>
    public DeviceVector(IReadOnlyDictionary<int, TDevice> members, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = new SortedDictionary<int, TDevice>(members.ToDictionary(m => m.Key, m => m.Value)) ?? [];
        SetName(name);
    }

    /// <inheritdoc/>
    public override IEnumerable<KeyValuePair<string, Device>> Children =>

        // Null only while the base constructor runs, before the members are set.
        _members?.Select(m => new KeyValuePair<string, Device>(m.Key.ToString(CultureInfo.InvariantCulture), m.Value)) ?? [];

    /// <inheritdoc/>
    public TDevice this[int key] => _members[key];

    /// <inheritdoc/>
    public IEnumerable<int> Keys => _members.Keys;

    /// <inheritdoc/>
    public IEnumerable<TDevice> Values => _members.Values;

    /// <inheritdoc/>
    public int Count => _members.Count;

    /// <inheritdoc/>
    public bool ContainsKey(int key) => _members.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(int key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TDevice value) => _members.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<int, TDevice>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
