using System.Text;

namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>
/// Macro definitions and their substitution, with EPICS macLib's semantics: <c>$(NAME)</c> and <c>${NAME}</c>
/// references, defaults (<c>$(NAME=default)</c>, expanded only when used and free to hold references themselves),
/// scoped definitions (<c>$(NAME,A=1)</c>), names built from references (<c>$(A$(B))</c>), values expanded when
/// used (so <c>B=$(A)</c> follows A), no expansion inside single quotes or after a backslash, and quotes and
/// escapes removed from macro values. Unlike macLib, which leaves <c>$(NAME,undefined)</c> in the text and warns,
/// an undefined or recursive macro is an error here.
/// </summary>
public sealed class MacroTable
{
    private readonly Dictionary<string, string> _definitions = new(StringComparer.Ordinal);

    /// <summary>An empty table.</summary>
    public MacroTable()
    {
    }

    /// <summary>A table holding <paramref name="definitions"/> (raw values: references in them expand when used).</summary>
    public MacroTable(IEnumerable<KeyValuePair<string, string>> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var (name, value) in definitions)
        {
            Define(name, value);
        }
    }

    /// <summary>The definitions, by name, with their raw values.</summary>
    public IReadOnlyDictionary<string, string> Definitions => _definitions;

    /// <summary>
    /// Parses a definition list as <c>-m</c> and dbLoadRecords take it: <c>P=XX:,R=YY</c>. White space around names
    /// and values is ignored, quotes and backslashes protect commas and equals signs, and a name without a value
    /// removes that macro.
    /// </summary>
    /// <exception cref="MacroException">A definition has an empty name.</exception>
    public static MacroTable Parse(string definitions)
    {
        var table = new MacroTable();
        table.DefineAll(definitions);
        return table;
    }

    /// <summary>Defines (or replaces) a macro; its value may hold references, expanded when it is used.</summary>
    public void Define(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _definitions[name] = value;
    }

    /// <summary>Removes a macro; true when it was defined.</summary>
    public bool Undefine(string name) => _definitions.Remove(name);

    /// <summary>Adds the definitions of a list such as <c>P=XX:,R=YY</c> (see <see cref="Parse"/>).</summary>
    /// <exception cref="MacroException">A definition has an empty name.</exception>
    public void DefineAll(string definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var (name, value, position) in MacroDefinitionList.Split(definitions))
        {
            if (name.Length == 0)
            {
                throw new MacroException(string.Empty, position, $"Empty macro name in definition list \"{definitions}\" at position {position + 1}.");
            }

            if (value is null)
            {
                Undefine(name);
            }
            else
            {
                Define(name, value);
            }
        }
    }

    /// <summary>Substitutes every macro reference in <paramref name="text"/>.</summary>
    /// <exception cref="MacroException">A reference is undefined (without default), recursive or unterminated.</exception>
    public string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        return new Expansion(this).Run(text);
    }

    private string? Lookup(string name) => _definitions.TryGetValue(name, out var value) ? value : null;

    // One expansion: the scoped definitions in force and the macros being expanded (to catch recursion).
    private sealed class Expansion(MacroTable table)
    {
        private readonly List<Dictionary<string, string>> _scopes = [];
        private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);

        public string Run(string text)
        {
            var output = new StringBuilder(text.Length + 16);
            var index = 0;
            Translate(text, ref index, string.Empty, discard: false, output, skip: false, anchor: -1);
            return output.ToString();
        }

        // macCore's trans(): copy characters up to a terminator, expanding references. At the outer level quotes
        // and escapes are kept; inside names, defaults and macro values (discard) they are removed. In skip mode
        // nothing is looked up or written: the text is only stepped over. The anchor is the position in the
        // original text to blame for errors while translating text that is not the original (a macro's value).
        private void Translate(string text, ref int index, string terminators, bool discard, StringBuilder? output, bool skip, int anchor)
        {
            var quote = '\0';
            while (index < text.Length && terminators.IndexOf(text[index], StringComparison.Ordinal) < 0)
            {
                var c = text[index];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                        if (discard)
                        {
                            index++;
                            continue;
                        }
                    }
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                    if (discard)
                    {
                        index++;
                        continue;
                    }
                }

                if (c == '$' && index + 1 < text.Length && text[index + 1] is '(' or '{' && quote != '\'')
                {
                    Refer(text, ref index, output, skip, anchor);
                    continue;
                }

                if (c == '\\' && index + 1 < text.Length)
                {
                    if (!discard)
                    {
                        output?.Append('\\');
                    }

                    output?.Append(text[index + 1]);
                    index += 2;
                    continue;
                }

                output?.Append(c);
                index++;
            }
        }

        // macCore's refer(): one reference, from its '$' to its closing bracket.
        private void Refer(string text, ref int index, StringBuilder? output, bool skip, int anchor)
        {
            var start = index;
            var blame = anchor >= 0 ? anchor : start;
            var close = text[index + 1] == '(' ? ')' : '}';
            var nameTerminators = "=," + close;
            var valueTerminators = "," + close;
            index += 2;

            var nameBuilder = skip ? null : new StringBuilder();
            Translate(text, ref index, nameTerminators, discard: true, nameBuilder, skip, anchor);
            var name = nameBuilder?.ToString() ?? string.Empty;
            if (index >= text.Length)
            {
                throw Unterminated(text, start, blame, name);
            }

            var defaultStart = -1;
            if (text[index] == '=')
            {
                defaultStart = ++index;
                Translate(text, ref index, valueTerminators, discard: true, output: null, skip: true, anchor);
            }

            Dictionary<string, string>? scope = null;
            while (index < text.Length && text[index] == ',')
            {
                index++;
                var subName = skip ? null : new StringBuilder();
                Translate(text, ref index, nameTerminators, discard: true, subName, skip, anchor);
                if (index < text.Length && text[index] == '=')
                {
                    index++;
                    var subValue = skip ? null : new StringBuilder();
                    Translate(text, ref index, valueTerminators, discard: true, subValue, skip, anchor);
                    if (!skip)
                    {
                        scope ??= new Dictionary<string, string>(StringComparer.Ordinal);
                        scope[subName!.ToString()] = subValue!.ToString();
                    }
                }
            }

            if (index >= text.Length || text[index] != close)
            {
                throw Unterminated(text, start, blame, name);
            }

            index++;
            if (skip)
            {
                return;
            }

            if (scope is not null)
            {
                _scopes.Add(scope);
            }

            try
            {
                var value = Lookup(name);
                if (value is not null)
                {
                    if (!_expanding.Add(name))
                    {
                        throw new MacroException(name, blame, $"Macro '{name}' is recursive (its value refers back to itself).");
                    }

                    var valueIndex = 0;
                    Translate(value, ref valueIndex, string.Empty, discard: true, output, skip: false, anchor: blame);
                    _expanding.Remove(name);
                }
                else if (defaultStart >= 0)
                {
                    var defaultIndex = defaultStart;
                    Translate(text, ref defaultIndex, valueTerminators, discard: true, output, skip: false, anchor);
                }
                else
                {
                    throw new MacroException(name, blame, $"Macro '{name}' is undefined (no definition and no default).");
                }
            }
            finally
            {
                if (scope is not null)
                {
                    _scopes.RemoveAt(_scopes.Count - 1);
                }
            }
        }

        private string? Lookup(string name)
        {
            for (var i = _scopes.Count - 1; i >= 0; i--)
            {
                if (_scopes[i].TryGetValue(name, out var scoped))
                {
                    return scoped;
                }
            }

            return table.Lookup(name);
        }

        private static MacroException Unterminated(string text, int start, int blame, string name) =>
            new(name, blame, $"Unterminated macro reference '{text[start..]}': missing '{(text[start + 1] == '(' ? ')' : '}')}'.");
    }
}
