using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Dbr;

/// <summary>Facts about DBR types: their value type, category, and the byte layout of their metadata.</summary>
public static class DbrTypes
{
    // Offset of the first value within each struct, by category (row) and value type (column), from db_access.h.
    private static readonly int[,] ValueOffsets =
    {
        // string short float enum char long double
        { 0, 0, 0, 0, 0, 0, 0 },         // plain
        { 4, 4, 4, 4, 5, 4, 8 },         // dbr_sts_*: status, severity (+ RISC padding)
        { 12, 14, 12, 14, 15, 12, 16 },  // dbr_time_*: status, severity, stamp (+ padding)
        { 4, 24, 40, 422, 19, 36, 64 },  // dbr_gr_*: units, precision, six limits; enum: 16 state strings
        { 4, 28, 48, 422, 21, 44, 80 },  // dbr_ctrl_*: as graphic plus two control limits
    };

    private static readonly int[] ValueSizes = [CaProtocol.MaxStringSize, 2, 4, 2, 1, 4, 8];

    /// <summary>The highest valid DBR type number (DBR_CLASS_NAME).</summary>
    public const ushort Last = (ushort)DbrType.ClassName;

    /// <summary>True when <paramref name="type"/> is a DBR type number EPICS defines (0 to 38).</summary>
    public static bool IsValid(ushort type) => type <= Last;

    /// <summary>True for the plain value types (DBR_STRING to DBR_DOUBLE), the types a channel can natively have.</summary>
    public static bool IsNative(DbrType type) => (ushort)type <= (ushort)DbrType.Double;

    /// <summary>The category of a type.</summary>
    public static DbrCategory CategoryOf(DbrType type) => (ushort)type switch
    {
        <= 6 => DbrCategory.Plain,
        <= 13 => DbrCategory.Status,
        <= 20 => DbrCategory.Time,
        <= 27 => DbrCategory.Graphic,
        <= 34 => DbrCategory.Control,
        <= Last => DbrCategory.Special,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a DBR type."),
    };

    /// <summary>The plain type of each value element (DBR_PUT_ACKT/ACKS carry an unsigned short, here DBR_ENUM).</summary>
    public static DbrType ValueTypeOf(DbrType type) => type switch
    {
        DbrType.PutAckt or DbrType.PutAcks => DbrType.Enum,
        DbrType.StsackString or DbrType.ClassName => DbrType.String,
        _ when (ushort)type <= 34 => (DbrType)((ushort)type % 7),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a DBR type."),
    };

    /// <summary>The type of <paramref name="category"/> whose values are <paramref name="valueType"/> (e.g. Time + Double = DBR_TIME_DOUBLE).</summary>
    public static DbrType Of(DbrType valueType, DbrCategory category)
    {
        if (!IsNative(valueType))
        {
            throw new ArgumentOutOfRangeException(nameof(valueType), valueType, "Only the plain types have categories.");
        }

        return category switch
        {
            DbrCategory.Plain => valueType,
            DbrCategory.Status => (DbrType)(7 + (ushort)valueType),
            DbrCategory.Time => (DbrType)(14 + (ushort)valueType),
            DbrCategory.Graphic => (DbrType)(21 + (ushort)valueType),
            DbrCategory.Control => (DbrType)(28 + (ushort)valueType),
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "The special types have no value-type family."),
        };
    }

    /// <summary>Bytes per value element.</summary>
    public static int ValueSize(DbrType type) => ValueSizes[(int)ValueTypeOf(type)];

    /// <summary>Bytes of metadata before the first value.</summary>
    public static int ValueOffset(DbrType type) => type switch
    {
        DbrType.PutAckt or DbrType.PutAcks or DbrType.ClassName => 0,
        DbrType.StsackString => 8,
        _ => ValueOffsets[(int)CategoryOf(type), (int)ValueTypeOf(type)],
    };

    /// <summary>Unpadded bytes of <paramref name="count"/> elements of <paramref name="type"/> (dbr_size_n).</summary>
    public static int Size(DbrType type, int count) => ValueOffset(type) + (Math.Max(count, 1) * ValueSize(type));

    /// <summary>The C name, e.g. "DBR_TIME_DOUBLE".</summary>
    public static string CName(DbrType type) => type switch
    {
        DbrType.PutAckt => "DBR_PUT_ACKT",
        DbrType.PutAcks => "DBR_PUT_ACKS",
        DbrType.StsackString => "DBR_STSACK_STRING",
        DbrType.ClassName => "DBR_CLASS_NAME",
        _ => "DBR_" + CategoryOf(type) switch
        {
            DbrCategory.Status => "STS_",
            DbrCategory.Time => "TIME_",
            DbrCategory.Graphic => "GR_",
            DbrCategory.Control => "CTRL_",
            _ => string.Empty,
        } + ValueTypeOf(type).ToString().ToUpperInvariant(),
    };

    /// <summary>Parses a C name ("DBR_CTRL_ENUM", or without the prefix) or a number.</summary>
    public static DbrType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ushort.TryParse(text, out var number) && IsValid(number))
        {
            return (DbrType)number;
        }

        var name = text.Trim().ToUpperInvariant();
        if (!name.StartsWith("DBR_", StringComparison.Ordinal))
        {
            name = "DBR_" + name;
        }

        name = name.Replace("DBR_INT", "DBR_SHORT", StringComparison.Ordinal).Replace("_INT", "_SHORT", StringComparison.Ordinal);
        for (ushort t = 0; t <= Last; t++)
        {
            if (CName((DbrType)t) == name)
            {
                return (DbrType)t;
            }
        }

        throw new FormatException($"'{text}' is not a DBR type; expected a name such as DBR_TIME_DOUBLE or a number 0 to {Last}.");
    }
}
