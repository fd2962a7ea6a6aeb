using System.Globalization;
using System.Text;

namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>Translates C escapes in quoted values as EPICS's dbTranslateEscape (epicsStrnRawFromEscaped) does.</summary>
internal static class DbEscapes
{
    /// <summary>The text with <c>\n \t \\ \" \' \ooo \xhh</c> and the other C escapes replaced by their characters.</summary>
    public static string Translate(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'v': result.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        var value = 0;
                        var digits = 0;
                        while (digits < 3 && i < text.Length && text[i] is >= '0' and <= '7')
                        {
                            value = (value * 8) + (text[i++] - '0');
                            digits++;
                        }

                        i--;
                        result.Append((char)(value & 0xFF));
                        break;
                    }

                case 'x':
                    {
                        var end = i + 1;
                        while (end < text.Length && end < i + 3 && char.IsAsciiHexDigit(text[end]))
                        {
                            end++;
                        }

                        if (end == i + 1)
                        {
                            result.Append('x');
                            break;
                        }

                        result.Append((char)int.Parse(text.AsSpan(i + 1, end - i - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i = end - 1;
                        break;
                    }

                default:
                    result.Append(e);
                    break;
            }
        }

        return result.ToString();
    }
}
