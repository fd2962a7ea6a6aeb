namespace Hyperion.Devices.Mx.Zebra;

/// <summary>
/// dodal's ZebraMappingValidations: integer fields in a declared range, -1 meaning "not connected" and refused
/// when read, and no two connected fields of one mapping sharing a value.
/// </summary>
public abstract class ZebraMappingValidations
{
    private readonly Dictionary<string, int> _fields = [];

    /// <summary>The fields by their dodal name, in declaration order.</summary>
    public IReadOnlyDictionary<string, int> Fields => _fields;

    /// <summary>Records field <paramref name="field"/> after checking it lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    protected void Declare(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{GetType().Name}.{field} must be between {min} and {max}.");
        }

        _fields[field] = value;
    }

    /// <summary>Fails when two connected (not -1) fields share a value; call once every field is declared.</summary>
    /// <exception cref="DuplicateZebraMappingException">Some fields share a value.</exception>
    protected void EnsureNoDuplicateConnections()
    {
        var connected = _fields.Where(f => f.Value != -1).ToList();
        var duplicates = connected.Where(f => connected.Count(g => g.Value == f.Value) > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new DuplicateZebraMappingException(GetType().Name, duplicates);
        }
    }

    /// <summary>The value of <paramref name="field"/>.</summary>
    /// <exception cref="UnmappedZebraException">The field is -1.</exception>
    protected int Get(string field)
    {
        var value = _fields[field];
        return value == -1 ? throw new UnmappedZebraException(GetType().Name, field) : value;
    }
}
