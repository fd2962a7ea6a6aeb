using System.Collections;
using System.Globalization;
using System.Text;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// Formats values as Python's <c>str()</c> and <c>repr()</c> would, so that the summaries ported from bluesky
/// read the same as bluesky's: <c>1.0</c> stays <c>1.0</c> (not <c>1</c>), <c>None</c>, <c>True</c>, <c>['det', 'motor']</c>.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str(value)</c>: strings bare, everything else as <see cref="Repr"/>.</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>Python's <c>repr(value)</c> for the values plans carry; devices are shown by name.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => Quote(s),
        double d => FloatRepr(d),
        float f => FloatRepr(f),
        IHasName named => named.Name,
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object?>().Select(k => Repr(k) + ": " + Repr(map[k!]))) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Repr)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest digits that round-trip (as .NET's "R"), laid out in fixed
    /// notation with at least one decimal while the decimal point falls within 16 digits, else as <c>1e+16</c>.
    /// </summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var (negative, digits, point) = ShortestDigits(value.ToString("R", CultureInfo.InvariantCulture));
        return Layout(negative, digits, point);
    }

    private static string FloatRepr(float value) =>
        float.IsFinite(value)
            ? Layout(ShortestDigits(value.ToString("R", CultureInfo.InvariantCulture)))
            : FloatRepr((double)value);

    private static string Layout((bool Negative, string Digits, int Point) parts) => Layout(parts.Negative, parts.Digits, parts.Point);

    private static string Layout(bool negative, string digits, int point)
    {
        var text = new StringBuilder(negative ? "-" : string.Empty);
        if (digits.Length == 0)
        {
            return text.Append("0.0").ToString();
        }

        if (point is > -4 and <= 16)
        {
            if (point <= 0)
            {
                text.Append("0.").Append('0', -point).Append(digits);
            }
            else if (point >= digits.Length)
            {
                text.Append(digits).Append('0', point - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
            }

            return text.ToString();
        }

        text.Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var exponent = point - 1;
        return text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("D2", CultureInfo.InvariantCulture)).ToString();
    }

    // Splits .NET's round-trip text ("-1.5E-05", "123.25", "0.001") into sign, significant digits and the
    // position of the decimal point relative to the first digit (1.5 -> "15", 1).
    private static (bool Negative, string Digits, int Point) ShortestDigits(string roundTrip)
    {
        var negative = roundTrip.StartsWith('-');
        var text = negative ? roundTrip[1..] : roundTrip;
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var point = (dot < 0 ? text.Length : dot) + exponent;
        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal);
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (negative, digits, point - leading);
    }

    private static string Quote(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when c == quote => text.Append('\\').Append(c),
                _ => text.Append(c),
            };
        }

        return text.Append(quote).ToString();
    }
}
