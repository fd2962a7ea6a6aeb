using System.Globalization;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Dbr;

/// <summary>
/// Converts values between the plain DBR types as an EPICS server does for a client asking for another type:
/// numbers to strings with the precision, enums to their labels, strings parsed to numbers or matched to enum
/// labels, and numbers clamped to the range of a narrower integer type.
/// </summary>
public static class DbrConvert
{
    /// <summary>Converts every element of <paramref name="source"/> to <paramref name="target"/>, keeping the metadata.</summary>
    public static DbrValue To(DbrValue source, DbrType target)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!DbrTypes.IsNative(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "Convert to a plain DBR type.");
        }

        if (source.ValueType == target)
        {
            return source;
        }

        var values = Array.CreateInstance(DbrValue.ElementType(target), source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            values.SetValue(ConvertElement(source, i, target), i);
        }

        return source.WithValues(target, values);
    }

    /// <summary>
    /// Parses text as a value of <paramref name="target"/> (labels for enums, given the state strings); throws
    /// <see cref="CaProtocolException"/> with ECA_BADSTR-like detail when the text is not a valid value.
    /// </summary>
    public static object Parse(string text, DbrType target, IReadOnlyList<string>? enumStrings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        switch (target)
        {
            case DbrType.String:
                return text;
            case DbrType.Enum:
                if (enumStrings is not null)
                {
                    for (var i = 0; i < enumStrings.Count; i++)
                    {
                        if (string.Equals(enumStrings[i], text, StringComparison.Ordinal) || string.Equals(enumStrings[i], trimmed, StringComparison.Ordinal))
                        {
                            return (ushort)i;
                        }
                    }
                }

                if (ushort.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                    && (enumStrings is null || enumStrings.Count == 0 || index < enumStrings.Count))
                {
                    return index;
                }

                throw new CaProtocolException(
                    $"'{text}' is not one of the states [{string.Join(", ", enumStrings ?? [])}] nor a state number.", Eca.Badstr);
            default:
                if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && !TryParseInteger(trimmed, out number))
                {
                    throw new CaProtocolException($"'{text}' is not a number for a {DbrTypes.CName(target)} value.", Eca.Badstr);
                }

                return FromDouble(number, target);
        }
    }

    /// <summary>Converts a number to an element of <paramref name="target"/>, clamping integers to their range.</summary>
    public static object FromDouble(double number, DbrType target) => target switch
    {
        DbrType.String => DbrFormat.Number(number, -1),
        DbrType.Short => (short)Clamp(number, short.MinValue, short.MaxValue),
        DbrType.Float => (float)number,
        DbrType.Enum => (ushort)Clamp(number, ushort.MinValue, ushort.MaxValue),
        DbrType.Char => (byte)Clamp(number, byte.MinValue, byte.MaxValue),
        DbrType.Long => (int)Clamp(number, int.MinValue, int.MaxValue),
        DbrType.Double => number,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not a plain DBR type."),
    };

    private static object ConvertElement(DbrValue source, int index, DbrType target)
    {
        if (target == DbrType.String)
        {
            return source.GetString(index);
        }

        var element = source.Values.GetValue(index);
        if (element is string text)
        {
            return Parse(text, target, source.EnumStrings);
        }

        return FromDouble(source.GetDouble(index), target);
    }

    private static double Clamp(double number, double low, double high) =>
        double.IsNaN(number) ? 0 : Math.Clamp(Math.Truncate(number), low, high);

    // strtod-style hexadecimal integers, which EPICS accepts ("0x10").
    private static bool TryParseInteger(string text, out double number)
    {
        number = 0;
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(body[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            number = negative ? -hex : hex;
            return true;
        }

        return false;
    }
}
