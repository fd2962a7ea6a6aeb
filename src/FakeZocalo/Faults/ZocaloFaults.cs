namespace Hyperion.FakeZocalo.Faults;

/// <summary>
/// The faults in force, matched by file-stem prefix (the longest matching prefix wins). Starts with dodal's
/// sample conventions: stems starting <c>NO_DIFF</c> get empty results, <c>MULTI_X</c> an extra crystal.
/// </summary>
public sealed class ZocaloFaults
{
    private readonly Lock _gate = new();
    private readonly List<ZocaloFault> _faults;

    /// <summary>Creates the set, with dodal's conventions unless <paramref name="withDodalConventions"/> is false.</summary>
    public ZocaloFaults(bool withDodalConventions = true) =>
        _faults = withDodalConventions
            ? [new ZocaloFault("NO_DIFF", ZocaloFaultKind.EmptyResults), new ZocaloFault("MULTI_X", ZocaloFaultKind.ExtraCrystal)]
            : [];

    /// <summary>The faults in force.</summary>
    public IReadOnlyList<ZocaloFault> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Adds a fault (replacing any for the same prefix).</summary>
    public void Set(ZocaloFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.RemoveAll(f => f.FilenamePrefix == fault.FilenamePrefix);
            _faults.Add(fault);
        }
    }

    /// <summary>Removes the fault for <paramref name="filenamePrefix"/>; true when there was one.</summary>
    public bool Clear(string filenamePrefix)
    {
        lock (_gate)
        {
            return _faults.RemoveAll(f => f.FilenamePrefix == filenamePrefix) > 0;
        }
    }

    /// <summary>Removes every fault.</summary>
    public void ClearAll()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>The fault for a collection with file stem <paramref name="filename"/>, or null.</summary>
    public ZocaloFault? Match(string filename)
    {
        ArgumentNullException.ThrowIfNull(filename);
        lock (_gate)
        {
            return _faults
                .Where(f => filename.StartsWith(f.FilenamePrefix, StringComparison.Ordinal))
                .MaxBy(f => f.FilenamePrefix.Length);
        }
    }
}
