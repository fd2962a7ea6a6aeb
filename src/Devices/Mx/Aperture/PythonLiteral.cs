using System.Globalization;

namespace Hyperion.Devices.Mx.Aperture;

/// <summary>
/// The part of Python's ast.literal_eval that beamline parameters use: integers (as <see cref="long"/>), floats,
/// True/False, None, quoted strings and lists or tuples of these (as object arrays). The text has no whitespace.
/// </summary>
internal static class PythonLiteral
{
    public static bool TryParse(string text, out object? value)
    {
        var position = 0;
        return TryParseValue(text, ref position, out value) && position == text.Length;
    }

    private static bool TryParseValue(string text, ref int position, out object? value)
    {
        value = null;
        if (position >= text.Length)
        {
            return false;
        }

        var c = text[position];
        if (c is '[' or '(')
        {
            return TryParseSequence(text, ref position, c == '[' ? ']' : ')', out value);
        }

        if (c is '\'' or '"')
        {
            var end = text.IndexOf(c, position + 1);
            if (end < 0)
            {
                return false;
            }

            value = text[(position + 1)..end];
            position = end + 1;
            return true;
        }

        var stop = position;
        while (stop < text.Length && text[stop] is not (',' or ']' or ')'))
        {
            stop++;
        }

        var token = text[position..stop];
        position = stop;
        switch (token)
        {
            case "True":
                value = true;
                return true;
            case "False":
                value = false;
                return true;
            case "None":
                return true;
        }

        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            value = integer;
            return true;
        }

        var isFloat = token.Length > 0 && (char.IsDigit(token[^1]) || token[^1] == '.') && token.Any(char.IsDigit)
            && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (isFloat)
        {
            value = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return isFloat;
    }

    private static bool TryParseSequence(string text, ref int position, char close, out object? value)
    {
        value = null;
        position++;
        var items = new List<object?>();
        while (position < text.Length && text[position] != close)
        {
            if (!TryParseValue(text, ref position, out var item))
            {
                return false;
            }

            items.Add(item);
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
            else if (position >= text.Length || text[position] != close)
            {
                return false;
            }
        }

        if (position >= text.Length)
        {
            return false;
        }

        position++;
        value = items.ToArray();
        return true;
    }
}
