using System.Globalization;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>Number parsing and range rules for field values, as EPICS's dbPutString and dbConvert apply them.</summary>
internal static class FieldValues
{
    /// <summary>
    /// Parses an integer as strtoll with base 0 does: optional sign, then "0x" hexadecimal, a leading "0" octal,
    /// or decimal.
    /// </summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var s = text.Trim();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        bool ok;
        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X')
        {
            ok = long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            ok = true;
            foreach (var c in s)
            {
                if (c is < '0' or > '7' || value > long.MaxValue / 8)
                {
                    ok = false;
                    break;
                }

                value = (value * 8) + (c - '0');
            }
        }
        else
        {
            ok = s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (negative)
        {
            value = -value;
        }

        return ok;
    }

    /// <summary>Parses a floating-point number as strtod does (also "nan", "inf", "infinity" and hexadecimal integers).</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var sign = s.StartsWith('-') ? -1.0 : 1.0;
        var body = s.TrimStart('+', '-').ToUpperInvariant();
        switch (body)
        {
            case "NAN":
                value = double.NaN;
                return true;
            case "INF" or "INFINITY":
                value = sign * double.PositiveInfinity;
                return true;
        }

        if (body.StartsWith("0X", StringComparison.Ordinal) && TryParseInteger(s, out var integer))
        {
            value = integer;
            return true;
        }

        return false;
    }

    /// <summary>The range a field type can hold (recGbl's getMaxRangeValues), as (upper, lower).</summary>
    public static (double Upper, double Lower) Range(FieldType type) => type switch
    {
        FieldType.Char => (sbyte.MaxValue, sbyte.MinValue),
        FieldType.UChar => (byte.MaxValue, 0),
        FieldType.Short => (short.MaxValue, short.MinValue),
        FieldType.UShort or FieldType.Enum => (ushort.MaxValue, 0),
        FieldType.Long => (int.MaxValue, int.MinValue),
        FieldType.ULong => (uint.MaxValue, 0),
        FieldType.Float => (1e30, -1e30),
        FieldType.Double => (1e300, -1e300),
        _ => (0, 0),
    };

    /// <summary>True for the integer field types.</summary>
    public static bool IsInteger(FieldType type) =>
        type is FieldType.Char or FieldType.UChar or FieldType.Short or FieldType.UShort or FieldType.Long or FieldType.ULong or FieldType.Enum;

    /// <summary>A number converted to what a field of <paramref name="type"/> stores: integers truncated and clamped, floats rounded.</summary>
    public static double Coerce(FieldType type, double value)
    {
        if (type == FieldType.Double)
        {
            return value;
        }

        if (type == FieldType.Float)
        {
            return (float)value;
        }

        if (double.IsNaN(value))
        {
            return 0;
        }

        var (upper, lower) = Range(type is FieldType.Menu or FieldType.Device ? FieldType.Enum : type);
        return Math.Clamp(Math.Truncate(value), lower, upper);
    }
}
