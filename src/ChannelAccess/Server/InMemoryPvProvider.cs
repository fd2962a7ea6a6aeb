using System.Collections.Concurrent;
using Hyperion.ChannelAccess.Dbr;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// PVs held in a dictionary: the provider for tests, tools and soft IOCs. PVs may be added and removed while a
/// server serves it; a removed PV is no longer found by searches or channel creation.
/// </summary>
public sealed class InMemoryPvProvider : IPvProvider
{
    private readonly ConcurrentDictionary<string, IServerPv> _pvs = new(StringComparer.Ordinal);

    /// <summary>An empty provider.</summary>
    public InMemoryPvProvider()
    {
    }

    /// <summary>A provider serving <paramref name="pvs"/>.</summary>
    public InMemoryPvProvider(IEnumerable<IServerPv> pvs)
    {
        ArgumentNullException.ThrowIfNull(pvs);
        foreach (var pv in pvs)
        {
            Add(pv);
        }
    }

    /// <summary>The number of PVs.</summary>
    public int Count => _pvs.Count;

    /// <summary>The PV names, in no particular order.</summary>
    public IEnumerable<string> Names => _pvs.Keys;

    /// <summary>Adds <paramref name="pv"/>; throws <see cref="ArgumentException"/> when its name is taken.</summary>
    public T Add<T>(T pv)
        where T : IServerPv
    {
        ArgumentNullException.ThrowIfNull(pv);
        if (!_pvs.TryAdd(pv.Name, pv))
        {
            throw new ArgumentException($"A PV called '{pv.Name}' is already served.", nameof(pv));
        }

        return pv;
    }

    /// <summary>Adds a <see cref="SoftPv"/> and returns it.</summary>
    public SoftPv AddSoft(string name, DbrValue initial, SoftPvOptions? options = null) => Add(new SoftPv(name, initial, options));

    /// <summary>Removes the PV called <paramref name="name"/>; false when there was none.</summary>
    public bool Remove(string name) => _pvs.TryRemove(name, out _);

    /// <inheritdoc />
    public IServerPv? Find(string name) => name is null ? null : _pvs.GetValueOrDefault(name);

    /// <summary>The PV called <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public IServerPv this[string name] =>
        _pvs.TryGetValue(name, out var pv) ? pv : throw new KeyNotFoundException($"No PV called '{name}' is served.");
}
