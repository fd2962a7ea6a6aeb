using System.Globalization;
using System.Text;
using Hyperion.ChannelAccess.SoftIoc.Records;

namespace Hyperion.ChannelAccess.SoftIoc.Links;

/// <summary>
/// A parsed link field value, as dbParseLink reads it: empty or a number is a constant, "[...]" a constant array,
/// "@..." or "#..." a hardware address, and anything else a database link "record[.FIELD]" followed by modifiers
/// (NPP, PP, CA, CP, CPP for processing; NMS, MS, MSS, MSI for severity), separated by blanks or commas.
/// </summary>
public sealed record DbLink
{
    private DbLink(string text, LinkKind kind)
    {
        Text = text;
        Kind = kind;
    }

    /// <summary>The link as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>What the link is.</summary>
    public LinkKind Kind { get; }

    /// <summary>The record a database link names.</summary>
    public string RecordName { get; private init; } = string.Empty;

    /// <summary>The field a database link names (VAL when the name has no ".FIELD").</summary>
    public string FieldName { get; private init; } = "VAL";

    /// <summary>The process modifier.</summary>
    public LinkProcess Process { get; private init; }

    /// <summary>The maximize-severity modifier.</summary>
    public LinkSeverity Severity { get; private init; }

    /// <summary>The constant's elements (none for an empty link, one for a number, several for an array).</summary>
    public IReadOnlyList<string> ConstantValues { get; private init; } = [];

    /// <summary>True for an empty link (no constant, no target).</summary>
    public bool IsEmpty => Kind == LinkKind.Constant && ConstantValues.Count == 0;

    /// <summary>True for a database link whose changes process the record that holds it (CP, or CPP).</summary>
    public bool IsChannelProcess => Kind == LinkKind.Database && Process is LinkProcess.ChannelProcess or LinkProcess.ChannelProcessPassive;

    /// <summary>The empty link.</summary>
    public static DbLink Empty { get; } = new(string.Empty, LinkKind.Constant);

    /// <summary>Parses the value of a link field of type <paramref name="linkType"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid link; the message says why.</exception>
    public static DbLink Parse(string text, FieldType linkType)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Empty;
        }

        if (trimmed[0] is '@' or '#')
        {
            return new DbLink(trimmed, LinkKind.Hardware);
        }

        if (trimmed[0] == '{')
        {
            throw new FormatException($"JSON links ({trimmed}) are not supported; use a constant, an array constant or a PV name.");
        }

        if (IsNumber(trimmed))
        {
            return new DbLink(trimmed, LinkKind.Constant) { ConstantValues = [trimmed] };
        }

        if (trimmed[0] == '[')
        {
            return new DbLink(trimmed, LinkKind.Constant) { ConstantValues = ParseArray(trimmed) };
        }

        var space = trimmed.IndexOfAny([' ', '\t']);
        var pv = space < 0 ? trimmed : trimmed[..space];
        var modifiers = space < 0 ? string.Empty : trimmed[(space + 1)..];
        var dot = pv.IndexOf('.', StringComparison.Ordinal);
        var record = dot < 0 ? pv : pv[..dot];
        var field = dot < 0 ? "VAL" : pv[(dot + 1)..];
        if (record.Length == 0 || field.Length == 0)
        {
            throw new FormatException($"'{pv}' is not a PV name (record or field name missing).");
        }

        var (process, severity) = ParseModifiers(modifiers, pv);
        if (linkType == FieldType.FwdLink && process is LinkProcess.ChannelProcess or LinkProcess.ChannelProcessPassive)
        {
            throw new FormatException("A forward link takes no CP or CPP modifier (it processes its target when that is Passive).");
        }

        if (linkType == FieldType.OutLink && process is LinkProcess.ChannelProcess or LinkProcess.ChannelProcessPassive)
        {
            throw new FormatException("CP and CPP apply to input links only.");
        }

        return new DbLink(trimmed, LinkKind.Database) { RecordName = record, FieldName = field, Process = process, Severity = severity };
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static (LinkProcess Process, LinkSeverity Severity) ParseModifiers(string modifiers, string pv)
    {
        LinkProcess? process = null;
        LinkSeverity? severity = null;
        foreach (var word in modifiers.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            LinkProcess? p = word switch
            {
                "NPP" => LinkProcess.NoProcess,
                "PP" => LinkProcess.ProcessPassive,
                "CA" => LinkProcess.ChannelAccess,
                "CP" => LinkProcess.ChannelProcess,
                "CPP" => LinkProcess.ChannelProcessPassive,
                _ => null,
            };
            LinkSeverity? s = word switch
            {
                "NMS" => LinkSeverity.NoMaximize,
                "MS" => LinkSeverity.Maximize,
                "MSS" => LinkSeverity.MaximizeStatus,
                "MSI" => LinkSeverity.MaximizeIfInvalid,
                _ => null,
            };
            if (p is null && s is null)
            {
                throw new FormatException($"Unknown link modifier '{word}' after '{pv}' (expected NPP, PP, CA, CP, CPP, NMS, MS, MSS or MSI).");
            }

            if (p is not null)
            {
                if (process is not null && process != p)
                {
                    throw new FormatException($"Link to '{pv}' has two process modifiers ({process} and {p}).");
                }

                process = p;
            }

            if (s is not null)
            {
                if (severity is not null && severity != s)
                {
                    throw new FormatException($"Link to '{pv}' has two severity modifiers ({severity} and {s}).");
                }

                severity = s;
            }
        }

        return (process ?? LinkProcess.NoProcess, severity ?? LinkSeverity.NoMaximize);
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || FieldValues.TryParseInteger(text, out _)
        || text.ToUpperInvariant() is "NAN" or "INF" or "-INF" or "+INF" or "INFINITY" or "-INFINITY" or "+INFINITY";

    // A JSON-like array: numbers, "strings", 'strings' or bare words, separated by commas.
    private static string[] ParseArray(string text)
    {
        if (text[^1] != ']')
        {
            throw new FormatException($"Array constant {text} has no closing ']'.");
        }

        var body = text[1..^1];
        var elements = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        var quoted = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quote != '\0')
            {
                if (c == '\\' && i + 1 < body.Length)
                {
                    current.Append(body[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                quoted = true;
            }
            else if (c == ',')
            {
                elements.Add(quoted ? current.ToString() : current.ToString().Trim());
                current.Clear();
                quoted = false;
            }
            else if (!char.IsWhiteSpace(c) || current.Length > 0)
            {
                current.Append(c);
            }
        }

        if (quote != '\0')
        {
            throw new FormatException($"Array constant {text} has an unterminated string.");
        }

        var last = quoted ? current.ToString() : current.ToString().Trim();
        if (last.Length > 0 || quoted)
        {
            elements.Add(last);
        }

        return [.. elements];
    }
}
