using System.Globalization;

namespace Hyperion.ChannelAccess.Dbr;

/// <summary>
/// A channel's value with its metadata, as DBR types carry it: an array of one plain value type
/// (string[], short[], float[], ushort[] for enums, byte[] for chars, int[], double[]) plus alarm state,
/// time stamp, units, precision, limits and enum strings.
/// </summary>
public sealed class DbrValue
{
    /// <summary>Creates a value of plain type <paramref name="valueType"/> from a matching array.</summary>
    public DbrValue(DbrType valueType, Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!DbrTypes.IsNative(valueType))
        {
            throw new ArgumentOutOfRangeException(nameof(valueType), valueType, "A value's type must be one of the plain DBR types.");
        }

        var expected = ElementType(valueType);
        if (values.GetType().GetElementType() != expected || values.Rank != 1)
        {
            throw new ArgumentException($"Values of {DbrTypes.CName(valueType)} must be a {expected.Name}[], not {values.GetType().Name}.", nameof(values));
        }

        ValueType = valueType;
        Values = values;
    }

    /// <summary>The plain type of each element.</summary>
    public DbrType ValueType { get; }

    /// <summary>The elements.</summary>
    public Array Values { get; }

    /// <summary>The number of elements.</summary>
    public int Count => Values.Length;

    /// <summary>Alarm status.</summary>
    public AlarmStatus Status { get; init; }

    /// <summary>Alarm severity.</summary>
    public AlarmSeverity Severity { get; init; }

    /// <summary>When the value was set.</summary>
    public EpicsTimestamp Timestamp { get; init; }

    /// <summary>Engineering units (at most 7 characters on the wire).</summary>
    public string Units { get; init; } = string.Empty;

    /// <summary>Display precision (floating-point types).</summary>
    public short Precision { get; init; }

    /// <summary>Display, alarm, warning and control limits.</summary>
    public DbrLimits Limits { get; init; } = DbrLimits.None;

    /// <summary>Enum state strings (at most 16 of 25 characters on the wire).</summary>
    public IReadOnlyList<string> EnumStrings { get; init; } = [];

    /// <summary>DBR_STSACK_STRING's acknowledge-transient flag.</summary>
    public ushort AckTransient { get; init; }

    /// <summary>DBR_STSACK_STRING's acknowledged severity.</summary>
    public ushort AckSeverity { get; init; }

    /// <summary>The CLR element type of a plain DBR type.</summary>
    public static Type ElementType(DbrType valueType) => valueType switch
    {
        DbrType.String => typeof(string),
        DbrType.Short => typeof(short),
        DbrType.Float => typeof(float),
        DbrType.Enum => typeof(ushort),
        DbrType.Char => typeof(byte),
        DbrType.Long => typeof(int),
        DbrType.Double => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(valueType), valueType, "Not a plain DBR type."),
    };

    /// <summary>A scalar or array of doubles.</summary>
    public static DbrValue Of(params double[] values) => new(DbrType.Double, values);

    /// <summary>A scalar or array of 32-bit integers.</summary>
    public static DbrValue Of(params int[] values) => new(DbrType.Long, values);

    /// <summary>A scalar or array of strings.</summary>
    public static DbrValue Of(params string[] values) => new(DbrType.String, values);

    /// <summary>An empty array of <paramref name="valueType"/>.</summary>
    public static DbrValue Empty(DbrType valueType) => new(valueType, Array.CreateInstance(ElementType(valueType), 0));

    /// <summary>A copy with other values of the same metadata.</summary>
    public DbrValue WithValues(DbrType valueType, Array values) => new(valueType, values)
    {
        Status = Status,
        Severity = Severity,
        Timestamp = Timestamp,
        Units = Units,
        Precision = Precision,
        Limits = Limits,
        EnumStrings = EnumStrings,
        AckTransient = AckTransient,
        AckSeverity = AckSeverity,
    };

    /// <summary>Element <paramref name="index"/> as a double (enums by index, chars as numbers, strings parsed).</summary>
    public double GetDouble(int index = 0) => Values.GetValue(index) switch
    {
        string s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        var other => throw new InvalidCastException($"Cannot read {other} as a number."),
    };

    /// <summary>Element <paramref name="index"/> as text, as caget prints it (doubles with the precision, enums by label).</summary>
    public string GetString(int index = 0) => Values.GetValue(index) switch
    {
        string s => s,
        ushort e when ValueType == DbrType.Enum && e < EnumStrings.Count => EnumStrings[e],
        double d => DbrFormat.Number(d, Precision),
        float f => DbrFormat.Number(f, Precision),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other?.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{DbrTypes.CName(ValueType)}[{Count}] {string.Join(" ", Enumerable.Range(0, Math.Min(Count, 8)).Select(i => GetString(i)))}{(Count > 8 ? " ..." : string.Empty)}";
}
