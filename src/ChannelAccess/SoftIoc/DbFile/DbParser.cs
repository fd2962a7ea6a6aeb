namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>
/// Reads EPICS database (.db) files: <c>record(type, "name") { field(NAME, "value") info(NAME, "value")
/// alias("other") }</c>, <c>grecord</c>, top-level <c>alias("name", "alias")</c>, <c>include "file"</c> (found
/// beside the including file, then on the include path; <c>path</c> and <c>addpath</c> change that path), '#'
/// comments, quoted strings with C escapes, bare words and JSON array values. Macro references are expanded in
/// every token from the macro table; an undefined macro is an error. Every error is a
/// <see cref="DbParseException"/> naming file, line and column and what was expected.
/// </summary>
public sealed class DbParser
{
    private const int MaxIncludeDepth = 32;

    private static readonly HashSet<string> DbdKeywords = new(StringComparer.Ordinal)
    {
        "menu", "recordtype", "device", "driver", "link", "breaktable", "registrar", "function", "variable",
    };

    private readonly MacroTable _macros;
    private readonly List<string> _includePath;

    /// <summary>A parser expanding macros from <paramref name="macros"/> and finding includes on <paramref name="includePath"/>.</summary>
    public DbParser(MacroTable? macros = null, IEnumerable<string>? includePath = null)
    {
        _macros = macros ?? new MacroTable();
        _includePath = includePath is null ? [] : [.. includePath];
    }

    /// <summary>Parses the file at <paramref name="path"/> and everything it includes.</summary>
    /// <exception cref="DbParseException">The file has an error, or cannot be read.</exception>
    public DbDocument ParseFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbParseException(new DbSourceLocation(path, 0, 0), $"Cannot read the database file: {e.Message}", e);
        }

        var document = new DbDocument();
        var full = Path.GetFullPath(path);
        document.Files.Add(full);
        new Reader(this, document, [full]).Parse(text, path, Path.GetDirectoryName(full));
        return document;
    }

    /// <summary>
    /// Parses database text; <paramref name="sourceName"/> names it in errors and <paramref name="baseDirectory"/>
    /// is where its includes are looked for first (the current directory when null).
    /// </summary>
    /// <exception cref="DbParseException">The text has an error.</exception>
    public DbDocument Parse(string text, string sourceName = "<text>", string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = new DbDocument();
        new Reader(this, document, []).Parse(text, sourceName, baseDirectory ?? Directory.GetCurrentDirectory());
        return document;
    }

    // The state of one parse: the document being filled and the files being read (to refuse include cycles).
    private sealed class Reader(DbParser parser, DbDocument document, List<string> openFiles)
    {
        private DbLexer _lexer = null!;
        private string _directory = string.Empty;
        private DbToken? _peeked;

        public void Parse(string text, string sourceName, string? directory)
        {
            _lexer = new DbLexer(text, sourceName);
            _directory = directory ?? Directory.GetCurrentDirectory();
            while (true)
            {
                var token = Next();
                if (token.Kind == DbTokenKind.End)
                {
                    return;
                }

                if (token.Kind != DbTokenKind.Bare)
                {
                    throw Expected(token, "'record', 'grecord', 'alias' or 'include'");
                }

                switch (token.Text)
                {
                    case "record" or "grecord":
                        ParseRecord(token);
                        break;
                    case "alias":
                        ParseAlias(token);
                        break;
                    case "include":
                        ParseInclude(token);
                        break;
                    case "path" or "addpath":
                        ParsePath(token);
                        break;
                    default:
                        if (DbdKeywords.Contains(token.Text))
                        {
                            throw new DbParseException(token.Location, $"'{token.Text}' definitions belong in a database definition (.dbd) file, not in a database file.");
                        }

                        throw Expected(token, "'record', 'grecord', 'alias' or 'include'");
                }
            }
        }

        private DbToken Next()
        {
            if (_peeked is { } peeked)
            {
                _peeked = null;
                return peeked;
            }

            return _lexer.Next();
        }

        private DbToken Peek() => _peeked ??= _lexer.Next();

        private static DbParseException Expected(DbToken found, string expected) =>
            new(found.Location, $"Expected {expected} but found {found.Describe()}.");

        private DbToken Expect(DbTokenKind kind, string expected)
        {
            var token = Next();
            return token.Kind == kind ? token : throw Expected(token, expected);
        }

        // A name or value: a bare word or a quoted string, macros expanded and (for strings) escapes translated.
        private (string Text, DbSourceLocation Location) ExpectString(string expected)
        {
            var token = Next();
            return token.Kind is DbTokenKind.Bare or DbTokenKind.Quoted
                ? (Expand(token), token.Location)
                : throw Expected(token, expected);
        }

        private string Expand(DbToken token)
        {
            // Quoted text is expanded with its quotes, as macLib expands whole lines: a single quote inside a
            // double-quoted string does not stop expansion, and nothing inside single quotes is expanded.
            var raw = token.Kind == DbTokenKind.Quoted ? $"{token.Quote}{token.Text}{token.Quote}" : token.Text;
            string expanded;
            try
            {
                expanded = parser._macros.Expand(raw);
            }
            catch (MacroException e)
            {
                throw new DbParseException(token.Location.Advance(e.Position), e.Message, e);
            }

            return token.Kind == DbTokenKind.Quoted ? DbEscapes.Translate(expanded[1..^1]) : expanded;
        }

        private void ParseRecord(DbToken keyword)
        {
            Expect(DbTokenKind.LeftParen, $"'(' after '{keyword.Text}'");
            var (type, typeLocation) = ExpectString("a record type");
            Expect(DbTokenKind.Comma, "',' after the record type");
            var (name, nameLocation) = ExpectString("a record name");
            Expect(DbTokenKind.RightParen, "')' after the record name");
            ValidateName(name, nameLocation, "Record");
            if (type.Length == 0)
            {
                throw new DbParseException(typeLocation, "The record type can't be empty.");
            }

            var record = new DbRecordDefinition(type, name, keyword.Location, typeLocation, nameLocation);
            document.Records.Add(record);
            if (Peek().Kind != DbTokenKind.LeftBrace)
            {
                return;
            }

            Next();
            while (true)
            {
                var token = Next();
                if (token.Kind == DbTokenKind.RightBrace)
                {
                    return;
                }

                if (token.Kind != DbTokenKind.Bare)
                {
                    throw Expected(token, "'field', 'info', 'alias' or '}'");
                }

                switch (token.Text)
                {
                    case "field":
                        record.Fields.Add(ParseField(token));
                        break;
                    case "info":
                        {
                            var (infoName, infoLocation, value, _, _) = ParseNameValue(token, "an info name");
                            if (infoName.Length == 0)
                            {
                                throw new DbParseException(infoLocation, "The info name can't be empty.");
                            }

                            record.Infos.Add(new DbInfoDefinition(infoName, value, infoLocation));
                            break;
                        }

                    case "alias":
                        {
                            Expect(DbTokenKind.LeftParen, "'(' after 'alias'");
                            var (alias, aliasLocation) = ExpectString("an alias name");
                            Expect(DbTokenKind.RightParen, "')' after the alias name");
                            ValidateName(alias, aliasLocation, "Alias");
                            record.Aliases.Add(new DbAliasDefinition(name, alias, token.Location));
                            break;
                        }

                    case "include":
                        throw new DbParseException(token.Location, "'include' inside a record body is not supported; include files between records.");
                    default:
                        throw Expected(token, "'field', 'info', 'alias' or '}'");
                }
            }
        }

        private DbFieldDefinition ParseField(DbToken keyword)
        {
            var (name, nameLocation, value, valueLocation, isJson) = ParseNameValue(keyword, "a field name");
            if (name.Length == 0)
            {
                throw new DbParseException(nameLocation, "The field name can't be empty.");
            }

            return new DbFieldDefinition(name, value, nameLocation, valueLocation, isJson);
        }

        // NAME ',' VALUE ')' after the keyword and its '(' — the value may be a JSON array or object.
        private (string Name, DbSourceLocation NameLocation, string Value, DbSourceLocation ValueLocation, bool IsJson) ParseNameValue(DbToken keyword, string what)
        {
            Expect(DbTokenKind.LeftParen, $"'(' after '{keyword.Text}'");
            var (name, nameLocation) = ExpectString(what);
            Expect(DbTokenKind.Comma, $"',' after {keyword.Text} name '{name}'");
            var token = _lexer.NextValue();
            string value;
            var isJson = false;
            switch (token.Kind)
            {
                case DbTokenKind.Bare or DbTokenKind.Quoted:
                    value = Expand(token);
                    break;
                case DbTokenKind.Json:
                    value = Expand(token);
                    isJson = true;
                    break;
                default:
                    throw Expected(token, $"a value for {keyword.Text} '{name}'");
            }

            Expect(DbTokenKind.RightParen, $"')' after the value of {keyword.Text} '{name}'");
            return (name, nameLocation, value, token.Kind == DbTokenKind.Quoted ? token.Location.Advance(1) : token.Location, isJson);
        }

        private void ParseAlias(DbToken keyword)
        {
            Expect(DbTokenKind.LeftParen, "'(' after 'alias'");
            var (name, nameLocation) = ExpectString("a record name");
            Expect(DbTokenKind.Comma, "',' after the record name");
            var (alias, aliasLocation) = ExpectString("an alias name");
            Expect(DbTokenKind.RightParen, "')' after the alias name");
            ValidateName(name, nameLocation, "Record");
            ValidateName(alias, aliasLocation, "Alias");
            document.Aliases.Add(new DbAliasDefinition(name, alias, keyword.Location));
        }

        private void ParsePath(DbToken keyword)
        {
            var (path, _) = ExpectString($"a directory list after '{keyword.Text}'");
            var directories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => Path.IsPathRooted(d) ? d : Path.Combine(_directory, d));
            if (keyword.Text == "path")
            {
                parser._includePath.Clear();
            }

            parser._includePath.AddRange(directories);
        }

        private void ParseInclude(DbToken keyword)
        {
            var (file, location) = ExpectString("a file name after 'include'");
            if (file.Length == 0)
            {
                throw new DbParseException(location, "The include file name can't be empty.");
            }

            var found = Resolve(file) ?? throw new DbParseException(location,
                $"Can't find include file \"{file}\" (looked in {string.Join(", ", SearchDirectories(file).Select(d => $"\"{d}\""))}).");
            if (openFiles.Contains(found, StringComparer.Ordinal))
            {
                throw new DbParseException(location, $"Include file \"{file}\" includes itself (through {string.Join(" -> ", openFiles.Select(Path.GetFileName))}).");
            }

            if (openFiles.Count >= MaxIncludeDepth)
            {
                throw new DbParseException(location, $"Includes are nested more than {MaxIncludeDepth} deep.");
            }

            string text;
            try
            {
                text = File.ReadAllText(found);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DbParseException(location, $"Can't read include file \"{found}\": {e.Message}", e);
            }

            document.Files.Add(found);
            openFiles.Add(found);
            var nested = new Reader(parser, document, openFiles);
            nested.Parse(text, found, Path.GetDirectoryName(found));
            openFiles.RemoveAt(openFiles.Count - 1);
        }

        private IEnumerable<string> SearchDirectories(string file) =>
            Path.IsPathRooted(file) ? [Path.GetDirectoryName(file) ?? file] : new[] { _directory }.Concat(parser._includePath);

        private string? Resolve(string file)
        {
            if (Path.IsPathRooted(file))
            {
                return File.Exists(file) ? Path.GetFullPath(file) : null;
            }

            return SearchDirectories(file)
                .Select(d => Path.GetFullPath(Path.Combine(d, file)))
                .FirstOrDefault(File.Exists);
        }

        // dbRecordNameValidate: names can't be empty or hold blanks, quotes, '.' or '$'.
        private static void ValidateName(string name, DbSourceLocation location, string what)
        {
            if (name.Length == 0)
            {
                throw new DbParseException(location, $"{what} name can't be empty.");
            }

            foreach (var c in name)
            {
                if (c is ' ' or '\t' or '"' or '\'' or '.' or '$' || char.IsControl(c))
                {
                    var shown = char.IsControl(c) || c == ' ' ? $"0x{(int)c:x2}" : c.ToString();
                    throw new DbParseException(location, $"Bad character '{shown}' in {what.ToLowerInvariant()} name \"{name}\".");
                }
            }
        }
    }
}
