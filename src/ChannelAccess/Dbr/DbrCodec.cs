using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Dbr;

/// <summary>
/// Encodes and decodes DBR payloads byte for byte as EPICS base lays them out (db_access.h, big-endian, with
/// its RISC padding): metadata first, then the elements. Sans-I/O: spans in, spans out.
/// </summary>
public static class DbrCodec
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>
    /// Writes <paramref name="count"/> elements of <paramref name="value"/> as <paramref name="type"/> into
    /// <paramref name="destination"/> (elements beyond the value's length are zero). The value's element type
    /// must already be <paramref name="type"/>'s value type (see <see cref="DbrConvert"/>). Returns the unpadded size.
    /// </summary>
    public static int Encode(DbrType type, DbrValue value, int count, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(value);
        var valueType = DbrTypes.ValueTypeOf(type);
        if (value.ValueType != valueType)
        {
            throw new ArgumentException($"{DbrTypes.CName(type)} carries {DbrTypes.CName(valueType)} elements, but the value holds {DbrTypes.CName(value.ValueType)}; convert it first.", nameof(value));
        }

        var size = DbrTypes.Size(type, count);
        var target = destination[..size];
        target.Clear();
        WriteMetadata(type, valueType, value, target);
        var offset = DbrTypes.ValueOffset(type);
        var elementSize = DbrTypes.ValueSize(type);
        var n = Math.Min(count, value.Count);
        if (!TryWriteBulk(valueType, value.Values, n, target.Slice(offset, n * elementSize)))
        {
            for (var i = 0; i < n; i++)
            {
                WriteElement(valueType, value.Values, i, target.Slice(offset + (i * elementSize), elementSize));
            }
        }

        return size;
    }

    /// <summary>Encodes into a new array (convenience for tests and cold paths).</summary>
    public static byte[] Encode(DbrType type, DbrValue value, int count)
    {
        var buffer = new byte[DbrTypes.Size(type, count)];
        Encode(type, value, count, buffer);
        return buffer;
    }

    /// <summary>
    /// Reads <paramref name="count"/> elements of <paramref name="type"/> from <paramref name="source"/>; throws
    /// <see cref="CaProtocolException"/> naming the type when the payload is too short.
    /// </summary>
    public static DbrValue Decode(DbrType type, int count, ReadOnlySpan<byte> source)
    {
        if (!DbrTypes.IsValid((ushort)type))
        {
            throw new CaProtocolException($"Unknown DBR type {(ushort)type}.");
        }

        var needed = DbrTypes.Size(type, count);
        if (source.Length < needed)
        {
            throw new CaProtocolException($"{DbrTypes.CName(type)} with {count} element(s) needs {needed} bytes but the payload has {source.Length}.");
        }

        var valueType = DbrTypes.ValueTypeOf(type);
        var offset = DbrTypes.ValueOffset(type);
        var elementSize = DbrTypes.ValueSize(type);
        var values = Array.CreateInstance(DbrValue.ElementType(valueType), count);
        if (!TryReadBulk(valueType, source.Slice(offset, count * elementSize), values))
        {
            for (var i = 0; i < count; i++)
            {
                ReadElement(valueType, source.Slice(offset + (i * elementSize), elementSize), values, i);
            }
        }

        return ReadMetadata(type, valueType, source, values);
    }

    private static void WriteMetadata(DbrType type, DbrType valueType, DbrValue value, Span<byte> target)
    {
        var category = DbrTypes.CategoryOf(type);
        if (type == DbrType.StsackString)
        {
            WriteStatus(value, target);
            BinaryPrimitives.WriteUInt16BigEndian(target[4..], value.AckTransient);
            BinaryPrimitives.WriteUInt16BigEndian(target[6..], value.AckSeverity);
            return;
        }

        if (category is DbrCategory.Plain or DbrCategory.Special)
        {
            return;
        }

        WriteStatus(value, target);
        if (category == DbrCategory.Time)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target[4..], value.Timestamp.SecondsPastEpoch);
            BinaryPrimitives.WriteUInt32BigEndian(target[8..], value.Timestamp.Nanoseconds);
            return;
        }

        if (category == DbrCategory.Status || valueType == DbrType.String)
        {
            return;
        }

        var control = category == DbrCategory.Control;
        if (valueType == DbrType.Enum)
        {
            var states = Math.Min(value.EnumStrings.Count, CaProtocol.MaxEnumStates);
            BinaryPrimitives.WriteInt16BigEndian(target[4..], (short)states);
            for (var i = 0; i < states; i++)
            {
                WriteFixedString(value.EnumStrings[i], target.Slice(6 + (i * CaProtocol.MaxEnumStringSize), CaProtocol.MaxEnumStringSize));
            }

            return;
        }

        var pos = 4;
        if (valueType is DbrType.Float or DbrType.Double)
        {
            BinaryPrimitives.WriteInt16BigEndian(target[4..], value.Precision);
            pos = 8;
        }

        WriteFixedString(value.Units, target.Slice(pos, CaProtocol.MaxUnitsSize));
        pos += CaProtocol.MaxUnitsSize;
        var limits = value.Limits;
        ReadOnlySpan<double> ordered = control
            ? [limits.UpperDisplay, limits.LowerDisplay, limits.UpperAlarm, limits.UpperWarning, limits.LowerWarning, limits.LowerAlarm, limits.UpperControl, limits.LowerControl]
            : [limits.UpperDisplay, limits.LowerDisplay, limits.UpperAlarm, limits.UpperWarning, limits.LowerWarning, limits.LowerAlarm];
        var size = DbrTypes.ValueSize(valueType);
        foreach (var limit in ordered)
        {
            WriteNumber(valueType, limit, target.Slice(pos, size));
            pos += size;
        }
    }

    private static DbrValue ReadMetadata(DbrType type, DbrType valueType, ReadOnlySpan<byte> source, Array values)
    {
        var category = DbrTypes.CategoryOf(type);
        if (type == DbrType.StsackString)
        {
            return new DbrValue(valueType, values)
            {
                Status = (AlarmStatus)BinaryPrimitives.ReadUInt16BigEndian(source),
                Severity = (AlarmSeverity)BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
                AckTransient = BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
                AckSeverity = BinaryPrimitives.ReadUInt16BigEndian(source[6..]),
            };
        }

        if (category is DbrCategory.Plain or DbrCategory.Special)
        {
            return new DbrValue(valueType, values);
        }

        var status = (AlarmStatus)BinaryPrimitives.ReadUInt16BigEndian(source);
        var severity = (AlarmSeverity)BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        if (category == DbrCategory.Time)
        {
            return new DbrValue(valueType, values)
            {
                Status = status,
                Severity = severity,
                Timestamp = new EpicsTimestamp(BinaryPrimitives.ReadUInt32BigEndian(source[4..]), BinaryPrimitives.ReadUInt32BigEndian(source[8..])),
            };
        }

        if (category == DbrCategory.Status || valueType == DbrType.String)
        {
            return new DbrValue(valueType, values) { Status = status, Severity = severity };
        }

        if (valueType == DbrType.Enum)
        {
            var states = Math.Clamp((int)BinaryPrimitives.ReadInt16BigEndian(source[4..]), 0, CaProtocol.MaxEnumStates);
            var strings = new string[states];
            for (var i = 0; i < states; i++)
            {
                strings[i] = ReadFixedString(source.Slice(6 + (i * CaProtocol.MaxEnumStringSize), CaProtocol.MaxEnumStringSize));
            }

            return new DbrValue(valueType, values) { Status = status, Severity = severity, EnumStrings = strings };
        }

        var pos = 4;
        short precision = 0;
        if (valueType is DbrType.Float or DbrType.Double)
        {
            precision = BinaryPrimitives.ReadInt16BigEndian(source[4..]);
            pos = 8;
        }

        var units = ReadFixedString(source.Slice(pos, CaProtocol.MaxUnitsSize));
        pos += CaProtocol.MaxUnitsSize;
        var size = DbrTypes.ValueSize(valueType);
        var count = category == DbrCategory.Control ? 8 : 6;
        Span<double> limits = stackalloc double[8];
        for (var i = 0; i < count; i++)
        {
            limits[i] = ReadNumber(valueType, source.Slice(pos, size));
            pos += size;
        }

        return new DbrValue(valueType, values)
        {
            Status = status,
            Severity = severity,
            Precision = precision,
            Units = units,
            Limits = new DbrLimits
            {
                UpperDisplay = limits[0],
                LowerDisplay = limits[1],
                UpperAlarm = limits[2],
                UpperWarning = limits[3],
                LowerWarning = limits[4],
                LowerAlarm = limits[5],
                UpperControl = limits[6],
                LowerControl = limits[7],
            },
        };
    }

    // Numeric arrays are copied in bulk and byte-swapped with the vectorized ReverseEndianness: a 1M-element waveform
    // costs a memory copy instead of a million element-by-element writes.
    private static bool TryWriteBulk(DbrType valueType, Array values, int count, Span<byte> target)
    {
        switch (valueType)
        {
            case DbrType.Double:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<double, long>(((double[])values).AsSpan(0, count)), MemoryMarshal.Cast<byte, long>(target));
                return BitConverter.IsLittleEndian;
            case DbrType.Float:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<float, int>(((float[])values).AsSpan(0, count)), MemoryMarshal.Cast<byte, int>(target));
                return BitConverter.IsLittleEndian;
            case DbrType.Long:
                BinaryPrimitives.ReverseEndianness(((int[])values).AsSpan(0, count), MemoryMarshal.Cast<byte, int>(target));
                return BitConverter.IsLittleEndian;
            case DbrType.Short:
                BinaryPrimitives.ReverseEndianness(((short[])values).AsSpan(0, count), MemoryMarshal.Cast<byte, short>(target));
                return BitConverter.IsLittleEndian;
            case DbrType.Enum:
                BinaryPrimitives.ReverseEndianness(((ushort[])values).AsSpan(0, count), MemoryMarshal.Cast<byte, ushort>(target));
                return BitConverter.IsLittleEndian;
            case DbrType.Char:
                ((byte[])values).AsSpan(0, count).CopyTo(target);
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadBulk(DbrType valueType, ReadOnlySpan<byte> source, Array values)
    {
        if (!BitConverter.IsLittleEndian && valueType != DbrType.Char)
        {
            return false;
        }

        switch (valueType)
        {
            case DbrType.Double:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, long>(source), MemoryMarshal.Cast<double, long>(((double[])values).AsSpan()));
                return true;
            case DbrType.Float:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(source), MemoryMarshal.Cast<float, int>(((float[])values).AsSpan()));
                return true;
            case DbrType.Long:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(source), ((int[])values).AsSpan());
                return true;
            case DbrType.Short:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, short>(source), ((short[])values).AsSpan());
                return true;
            case DbrType.Enum:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(source), ((ushort[])values).AsSpan());
                return true;
            case DbrType.Char:
                source.CopyTo((byte[])values);
                return true;
            default:
                return false;
        }
    }

    private static void WriteStatus(DbrValue value, Span<byte> target)
    {
        BinaryPrimitives.WriteUInt16BigEndian(target, (ushort)value.Status);
        BinaryPrimitives.WriteUInt16BigEndian(target[2..], (ushort)value.Severity);
    }

    private static void WriteElement(DbrType valueType, Array values, int index, Span<byte> target)
    {
        switch (valueType)
        {
            case DbrType.String: WriteFixedString(((string[])values)[index], target); break;
            case DbrType.Short: BinaryPrimitives.WriteInt16BigEndian(target, ((short[])values)[index]); break;
            case DbrType.Float: BinaryPrimitives.WriteSingleBigEndian(target, ((float[])values)[index]); break;
            case DbrType.Enum: BinaryPrimitives.WriteUInt16BigEndian(target, ((ushort[])values)[index]); break;
            case DbrType.Char: target[0] = ((byte[])values)[index]; break;
            case DbrType.Long: BinaryPrimitives.WriteInt32BigEndian(target, ((int[])values)[index]); break;
            default: BinaryPrimitives.WriteDoubleBigEndian(target, ((double[])values)[index]); break;
        }
    }

    private static void ReadElement(DbrType valueType, ReadOnlySpan<byte> source, Array values, int index)
    {
        switch (valueType)
        {
            case DbrType.String: ((string[])values)[index] = ReadFixedString(source); break;
            case DbrType.Short: ((short[])values)[index] = BinaryPrimitives.ReadInt16BigEndian(source); break;
            case DbrType.Float: ((float[])values)[index] = BinaryPrimitives.ReadSingleBigEndian(source); break;
            case DbrType.Enum: ((ushort[])values)[index] = BinaryPrimitives.ReadUInt16BigEndian(source); break;
            case DbrType.Char: ((byte[])values)[index] = source[0]; break;
            case DbrType.Long: ((int[])values)[index] = BinaryPrimitives.ReadInt32BigEndian(source); break;
            default: ((double[])values)[index] = BinaryPrimitives.ReadDoubleBigEndian(source); break;
        }
    }

    // Limits are written in the value's own type, clamped to its range.
    private static void WriteNumber(DbrType valueType, double number, Span<byte> target)
    {
        switch (valueType)
        {
            case DbrType.Short: BinaryPrimitives.WriteInt16BigEndian(target, (short)Math.Clamp(Math.Round(number), short.MinValue, short.MaxValue)); break;
            case DbrType.Float: BinaryPrimitives.WriteSingleBigEndian(target, (float)number); break;
            case DbrType.Char: target[0] = (byte)Math.Clamp(Math.Round(number), byte.MinValue, byte.MaxValue); break;
            case DbrType.Long: BinaryPrimitives.WriteInt32BigEndian(target, (int)Math.Clamp(Math.Round(number), int.MinValue, int.MaxValue)); break;
            default: BinaryPrimitives.WriteDoubleBigEndian(target, number); break;
        }
    }

    private static double ReadNumber(DbrType valueType, ReadOnlySpan<byte> source) => valueType switch
    {
        DbrType.Short => BinaryPrimitives.ReadInt16BigEndian(source),
        DbrType.Float => BinaryPrimitives.ReadSingleBigEndian(source),
        DbrType.Char => source[0],
        DbrType.Long => BinaryPrimitives.ReadInt32BigEndian(source),
        _ => BinaryPrimitives.ReadDoubleBigEndian(source),
    };

    /// <summary>Writes a NUL-terminated Latin-1 string into a fixed field, truncating to leave room for the NUL.</summary>
    internal static void WriteFixedString(string? text, Span<byte> field)
    {
        field.Clear();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var length = Math.Min(text.Length, field.Length - 1);
        Latin1.GetBytes(text.AsSpan(0, length), field);
    }

    /// <summary>Reads a fixed field up to its first NUL (or its end).</summary>
    internal static string ReadFixedString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Latin1.GetString(end < 0 ? field : field[..end]);
    }
}
