namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>
/// Splits database-file text into tokens as EPICS base's dbLex.l does: punctuation, quoted strings (which may not
/// span lines), bare words of <c>[a-zA-Z0-9_-+:.[]&lt;&gt;;]</c>, and '#' comments to the end of the line. Macro
/// references (<c>$(P)</c>, <c>${P}</c>) may appear in bare words and strings; they are expanded per token by the
/// parser, so a reference inside a comment is never expanded.
/// </summary>
internal sealed class DbLexer
{
    private readonly string _text;
    private readonly string _file;
    private int _index;
    private int _line = 1;
    private int _lineStart;

    /// <summary>A lexer over <paramref name="text"/>, reporting locations in <paramref name="file"/>.</summary>
    public DbLexer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    /// <summary>The next token.</summary>
    /// <exception cref="DbParseException">An invalid character or an unterminated string.</exception>
    public DbToken Next() => Read(jsonValue: false);

    /// <summary>The next token where a field or info value is expected: a '[' or '{' starts a JSON value.</summary>
    /// <exception cref="DbParseException">An invalid character, an unterminated string or JSON value.</exception>
    public DbToken NextValue() => Read(jsonValue: true);

    private DbSourceLocation Here => new(_file, _line, _index - _lineStart + 1);

    private static bool IsBareChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or ':' or '.' or '[' or ']' or '<' or '>' or ';';

    private DbToken Read(bool jsonValue)
    {
        SkipSpaceAndComments();
        var location = Here;
        if (_index >= _text.Length)
        {
            return new DbToken(DbTokenKind.End, string.Empty, location);
        }

        var c = _text[_index];
        switch (c)
        {
            case '(':
                _index++;
                return new DbToken(DbTokenKind.LeftParen, "(", location);
            case ')':
                _index++;
                return new DbToken(DbTokenKind.RightParen, ")", location);
            case '{' when !jsonValue:
                _index++;
                return new DbToken(DbTokenKind.LeftBrace, "{", location);
            case '}':
                _index++;
                return new DbToken(DbTokenKind.RightBrace, "}", location);
            case ',':
                _index++;
                return new DbToken(DbTokenKind.Comma, ",", location);
            case '"' or '\'':
                return ReadQuoted(c, location);
            case '[' or '{' when jsonValue:
                return ReadJson(location);
        }

        if (IsBareChar(c) || IsMacroStart(_index))
        {
            return ReadBare(location);
        }

        var shown = char.IsControl(c) ? $"0x{(int)c:x2}" : $"'{c}'";
        throw new DbParseException(location, $"Invalid character {shown}.");
    }

    private bool IsMacroStart(int index) =>
        index + 1 < _text.Length && _text[index] == '$' && _text[index + 1] is '(' or '{';

    private void SkipSpaceAndComments()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                _index++;
            }
            else if (c == '#')
            {
                while (_index < _text.Length && _text[_index] != '\n')
                {
                    _index++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private DbToken ReadQuoted(char quote, DbSourceLocation location)
    {
        var start = ++_index;
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\\' && _index + 1 < _text.Length && _text[_index + 1] != '\n')
            {
                _index += 2;
                continue;
            }

            if (c == quote)
            {
                var content = _text[start.._index];
                _index++;
                return new DbToken(DbTokenKind.Quoted, content, location, quote);
            }

            if (c == '\n')
            {
                break;
            }

            _index++;
        }

        throw new DbParseException(location, $"Newline in string, closing quote {quote} missing.");
    }

    private DbToken ReadBare(DbSourceLocation location)
    {
        var start = _index;
        while (_index < _text.Length)
        {
            if (IsMacroStart(_index))
            {
                SkipMacroReference();
            }
            else if (IsBareChar(_text[_index]))
            {
                _index++;
            }
            else
            {
                break;
            }
        }

        return new DbToken(DbTokenKind.Bare, _text[start.._index], location);
    }

    // Steps over $(...) or ${...}, nested references included, within the current line.
    private void SkipMacroReference()
    {
        var referenceStart = Here;
        var depth = 0;
        while (_index < _text.Length && _text[_index] != '\n')
        {
            if (IsMacroStart(_index))
            {
                depth++;
                _index += 2;
                continue;
            }

            var c = _text[_index++];
            if (c is ')' or '}' && --depth == 0)
            {
                return;
            }
        }

        throw new DbParseException(referenceStart, "Unterminated macro reference: missing ')' or '}' before the end of the line.");
    }

    private DbToken ReadJson(DbSourceLocation location)
    {
        var start = _index;
        var closers = new Stack<char>();
        while (_index < _text.Length)
        {
            var c = _text[_index];
            switch (c)
            {
                case '"' or '\'':
                    ReadQuoted(c, Here);
                    continue;
                case '[':
                    closers.Push(']');
                    break;
                case '{':
                    closers.Push('}');
                    break;
                case ']' or '}':
                    if (closers.Pop() != c)
                    {
                        throw new DbParseException(Here, $"Mismatched '{c}' in JSON value.");
                    }

                    break;
                case '\n':
                    _line++;
                    _lineStart = _index + 1;
                    break;
            }

            _index++;
            if (closers.Count == 0)
            {
                return new DbToken(DbTokenKind.Json, _text[start.._index], location);
            }
        }

        throw new DbParseException(location, "Unterminated JSON value: missing closing bracket.");
    }
}
