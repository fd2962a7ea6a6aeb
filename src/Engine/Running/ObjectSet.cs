using System.Runtime.CompilerServices;

namespace Hyperion.Engine.Running;

/// <summary>An immutable set of objects compared by identity (Python's <c>frozenset(objs)</c> of devices).</summary>
internal sealed class ObjectSet : IEquatable<ObjectSet>
{
    private readonly HashSet<object> _items;
    private readonly int _hash;

    public ObjectSet(IEnumerable<object> items)
    {
        _items = new HashSet<object>(items, ReferenceEqualityComparer.Instance);
        foreach (var item in _items)
        {
            _hash ^= RuntimeHelpers.GetHashCode(item);
        }
    }

    public int Count => _items.Count;

    public bool Contains(object item) => _items.Contains(item);

    public bool Equals(ObjectSet? other) => other is not null && other._hash == _hash && _items.SetEquals(other._items);

    public override bool Equals(object? obj) => Equals(obj as ObjectSet);

    public override int GetHashCode() => _hash;
}
