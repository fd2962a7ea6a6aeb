namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>The record types a soft IOC here can load, by the name a .db file gives them.</summary>
public static class RecordTypes
{
    private static readonly Dictionary<string, Func<string, Record>> Factories = new(StringComparer.Ordinal)
    {
        ["ai"] = name => new AiRecord(name),
        ["ao"] = name => new AoRecord(name),
        ["bi"] = name => new BiRecord(name),
        ["bo"] = name => new BoRecord(name),
        ["calc"] = name => new CalcRecord(name),
        ["longin"] = name => new LonginRecord(name),
        ["mbbiDirect"] = name => new MbbiDirectRecord(name),
        ["longout"] = name => new LongoutRecord(name),
        ["mbbi"] = name => new MbbiRecord(name),
        ["mbbo"] = name => new MbboRecord(name),
        ["motor"] = name => new MotorRecord(name),
        ["stringin"] = name => new StringinRecord(name),
        ["stringout"] = name => new StringoutRecord(name),
        ["waveform"] = name => new WaveformRecord(name),
    };

    /// <summary>The type names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="recordType"/> is a known type.</summary>
    public static bool IsKnown(string recordType) => Factories.ContainsKey(recordType);

    /// <summary>A new record of <paramref name="recordType"/> called <paramref name="name"/>, or null for an unknown type.</summary>
    public static Record? TryCreate(string recordType, string name) =>
        Factories.TryGetValue(recordType, out var create) ? create(name) : null;

    /// <summary>A new record of <paramref name="recordType"/> called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The type is not known.</exception>
    public static Record Create(string recordType, string name) =>
        TryCreate(recordType, name) ?? throw new ArgumentException($"Unknown record type \"{recordType}\" (known types: {string.Join(", ", Names)}).", nameof(recordType));
}
