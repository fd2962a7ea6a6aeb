using System.Text;

namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>Splits a macro definition list (<c>A=1, B="x,y"</c>) as macLib's macParseDefns does.</summary>
internal static class MacroDefinitionList
{
    private enum State
    {
        PreName,
        InName,
        PreValue,
        InValue,
    }

    /// <summary>
    /// The definitions in order: each name (quotes and escapes removed), its raw value (null when no '=' followed
    /// the name: the macro is to be removed) and the index where the name starts.
    /// </summary>
    public static IEnumerable<(string Name, string? Value, int Position)> Split(string definitions)
    {
        var result = new List<(string, string?, int)>();
        var state = State.PreName;
        var quote = '\0';
        int nameStart = 0, nameEnd = 0, valueStart = 0;
        for (var i = 0; i < definitions.Length; i++)
        {
            var c = definitions[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }

            var escape = c == '\\' && i + 1 < definitions.Length;
            var plain = quote == '\0' && !escape;
            switch (state)
            {
                case State.PreName:
                    if (plain && (char.IsWhiteSpace(c) || c == ','))
                    {
                        break;
                    }

                    nameStart = i;
                    state = State.InName;
                    goto case State.InName;
                case State.InName:
                    if (!plain || (c != '=' && c != ','))
                    {
                        break;
                    }

                    nameEnd = i;
                    if (c == ',')
                    {
                        result.Add((CleanName(definitions, nameStart, nameEnd), null, nameStart));
                        state = State.PreName;
                        break;
                    }

                    state = State.PreValue;
                    break;
                case State.PreValue:
                    if (plain && char.IsWhiteSpace(c))
                    {
                        break;
                    }

                    valueStart = i;
                    state = State.InValue;
                    goto case State.InValue;
                case State.InValue:
                    if (!plain || c != ',')
                    {
                        break;
                    }

                    result.Add((CleanName(definitions, nameStart, nameEnd), TrimEnd(definitions, valueStart, i), nameStart));
                    state = State.PreName;
                    break;
            }

            if (escape)
            {
                i++;
            }
        }

        switch (state)
        {
            case State.InName:
                result.Add((CleanName(definitions, nameStart, definitions.Length), null, nameStart));
                break;
            case State.PreValue:
                result.Add((CleanName(definitions, nameStart, nameEnd), string.Empty, nameStart));
                break;
            case State.InValue:
                result.Add((CleanName(definitions, nameStart, nameEnd), TrimEnd(definitions, valueStart, definitions.Length), nameStart));
                break;
        }

        return result;
    }

    private static string TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    // Names lose their quotes and escapes (values keep theirs: they are expanded later).
    private static string CleanName(string text, int start, int end)
    {
        var raw = TrimEnd(text, start, end);
        var name = new StringBuilder(raw.Length);
        var quote = '\0';
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }
            else if (quote == '\0' && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\' && i + 1 < raw.Length)
            {
                name.Append(raw[++i]);
            }
            else
            {
                name.Append(c);
            }
        }

        return name.ToString();
    }
}
