using Hyperion.ChannelAccess.SoftIoc.DbFile;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class DbParserTests
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "SoftIoc", "Data", file);

    private static DbDocument Parse(string text, string macros = "") => new DbParser(MacroTable.Parse(macros)).Parse(text, "test.db");

    private static DbParseException Fails(string text, string macros = "") =>
        Assert.Throws<DbParseException>(() => Parse(text, macros));

    [Fact]
    public void Records_hold_fields_infos_and_aliases_in_file_order()
    {
        var document = Parse("""
            # comment line
            record(ai, "TEMP") {
                field(EGU, "degC")   # trailing comment
                field(PREC, 2)
                info(autosaveFields, "VAL PREC")
                alias("TEMPERATURE")
            }
            grecord(bo, SHUTTER)
            """);
        var temp = document.Records[0];
        Assert.Equal(("ai", "TEMP"), (temp.RecordType, temp.Name));
        Assert.Equal(["EGU=degC", "PREC=2"], temp.Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.Equal("VAL PREC", Assert.Single(temp.Infos).Value);
        Assert.Equal(new DbAliasDefinition("TEMP", "TEMPERATURE", new DbSourceLocation("test.db", 6, 5)), Assert.Single(temp.Aliases));
        Assert.Equal(("bo", "SHUTTER"), (document.Records[1].RecordType, document.Records[1].Name));
        Assert.Empty(document.Records[1].Fields);
    }

    [Fact]
    public void Locations_are_one_based_lines_and_columns()
    {
        var record = Parse("\n  record(ai, \"X\") {\n\tfield(DESC, \"d\")\n}").Records[0];
        Assert.Equal(new DbSourceLocation("test.db", 2, 3), record.Location);
        Assert.Equal(new DbSourceLocation("test.db", 2, 10), record.TypeLocation);
        Assert.Equal(new DbSourceLocation("test.db", 2, 14), record.NameLocation);
        Assert.Equal(new DbSourceLocation("test.db", 3, 8), record.Fields[0].Location);
        Assert.Equal(new DbSourceLocation("test.db", 3, 15), record.Fields[0].ValueLocation);
    }

    [Fact]
    public void Bare_words_carry_pv_punctuation()
    {
        var record = Parse("record(calc, BL03S-MO:X_Y) { field(INPA, BL03S-MO:X.RBV) field(CALC, A<5;1) }").Records[0];
        Assert.Equal("BL03S-MO:X_Y", record.Name);
        Assert.Equal("BL03S-MO:X.RBV", record.Fields[0].Value);
        Assert.Equal("A<5;1", record.Fields[1].Value);
    }

    [Fact]
    public void Quoted_values_translate_c_escapes()
    {
        var record = Parse("""record(stringin, "S") { field(VAL, "a\"b\\c\tend\x41\101") field(DESC, 'single "quotes"') }""").Records[0];
        Assert.Equal("a\"b\\c\tendAA", record.Fields[0].Value);
        Assert.Equal("single \"quotes\"", record.Fields[1].Value);
    }

    [Fact]
    public void Json_array_values_are_kept_whole()
    {
        var field = Parse("record(waveform, W) { field(INP, [1, 2.5, \"x\"]) }").Records[0].Fields[0];
        Assert.True(field.IsJson);
        Assert.Equal("[1, 2.5, \"x\"]", field.Value);
    }

    [Fact]
    public void Top_level_aliases_name_a_record_and_its_other_name()
    {
        var alias = Assert.Single(Parse("record(ai, A)\nalias(A, B)").Aliases);
        Assert.Equal(("A", "B"), (alias.RecordName, alias.Alias));
    }

    [Fact]
    public void Macros_expand_in_names_and_values_with_defaults()
    {
        var record = Parse("""record(ai, "$(P)TEMP$(S=:RBV)") { field(DESC, "${DESC=none} at $(P)") field(EGU, $(U=mm)) }""", "P=BL03S-EA-").Records[0];
        Assert.Equal("BL03S-EA-TEMP:RBV", record.Name);
        Assert.Equal("none at BL03S-EA-", record.Fields[0].Value);
        Assert.Equal("mm", record.Fields[1].Value);
    }

    [Fact]
    public void Macros_in_comments_are_ignored()
    {
        var document = Parse("# usage: dbLoadRecords(\"x.db\", \"P=$(P)\")\nrecord(ai, A)");
        Assert.Single(document.Records);
    }

    [Fact]
    public void Inside_double_quotes_a_single_quote_does_not_stop_expansion()
    {
        Assert.Equal("it's x", Parse("record(ai, A) { field(DESC, \"it's $(P)\") }", "P=x").Records[0].Fields[0].Value);
    }

    [Fact]
    public void An_undefined_macro_is_reported_with_its_line_and_column()
    {
        var e = Fails("record(ai, A)\nrecord(ai, \"$(P)B$(Q)\")", "P=x");
        Assert.Equal(new DbSourceLocation("test.db", 2, 18), e.Location);
        Assert.Contains("'Q' is undefined", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.db:2:18: ", e.Message, StringComparison.Ordinal);
        Assert.Equal("Q", Assert.IsType<MacroException>(e.InnerException).Macro);
    }

    [Theory]
    [InlineData("record ai, A)", 1, 8, "Expected '(' after 'record' but found 'ai'")]
    [InlineData("record(ai A)", 1, 11, "Expected ',' after the record type but found 'A'")]
    [InlineData("record(ai, A", 1, 13, "Expected ')' after the record name but found end of file")]
    [InlineData("record(ai, A) { field(DESC \"x\") }", 1, 28, "Expected ',' after field name 'DESC'")]
    [InlineData("record(ai, A) { field(DESC, \"x\" }", 1, 33, "Expected ')' after the value of field 'DESC'")]
    [InlineData("record(ai, A) {\n  feld(DESC, x)\n}", 2, 3, "Expected 'field', 'info', 'alias' or '}' but found 'feld'")]
    [InlineData("record(ai, A) { field(DESC, ) }", 1, 29, "Expected a value for field 'DESC'")]
    [InlineData("records(ai, A)", 1, 1, "Expected 'record', 'grecord', 'alias' or 'include' but found 'records'")]
    [InlineData("record(ai, A) {", 1, 16, "Expected 'field', 'info', 'alias' or '}' but found end of file")]
    [InlineData("record(ai, \"A)\n", 1, 12, "Newline in string, closing quote \" missing")]
    [InlineData("record(ai, A) @", 1, 15, "Invalid character '@'")]
    [InlineData("record(ai, \"A B\")", 1, 12, "Bad character '0x20' in record name \"A B\"")]
    [InlineData("record(ai, \"A.B\")", 1, 12, "Bad character '.' in record name \"A.B\"")]
    [InlineData("record(ai, \"\")", 1, 12, "Record name can't be empty")]
    [InlineData("menu(m) { choice(a, \"A\") }", 1, 1, "'menu' definitions belong in a database definition (.dbd) file")]
    [InlineData("record(ai, A) { field(INP, [1, 2", 1, 28, "Unterminated JSON value")]
    [InlineData("record(ai, A$(P\n)", 1, 13, "Unterminated macro reference")]
    [InlineData("record(ai, A) { field(INP, [1, {2]) }", 1, 34, "Mismatched ']' in JSON value")]
    public void Syntax_errors_report_line_column_and_what_was_expected(string text, int line, int column, string message)
    {
        var e = Fails(text);
        Assert.Equal(new DbSourceLocation("test.db", line, column), e.Location);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_are_found_beside_the_including_file_and_read_in_place()
    {
        var document = new DbParser(MacroTable.Parse("P=T:")).ParseFile(DataPath("sample.db"));
        Assert.Equal(["T:MOT:X", "T:TEMP", "T:X:DOUBLE", "T:MODE", "T:SHUTTER", "T:USER", "T:SPECTRUM"], document.Records.Select(r => r.Name));
        Assert.Equal(2, document.Files.Count);
        Assert.EndsWith("common.db", document.Files[1], StringComparison.Ordinal);
        Assert.Equal(DataPath("common.db"), document.Records[3].Location.File);
        Assert.Equal(2, document.Records[3].Location.Line);
    }

    [Fact]
    public void A_missing_include_is_reported_where_it_is_included()
    {
        var e = Assert.Throws<DbParseException>(() => new DbParser(MacroTable.Parse("P=T:,COMMON=nothere.db")).ParseFile(DataPath("sample.db")));
        Assert.Equal(DataPath("sample.db"), e.Location.File);
        Assert.Equal(45, e.Location.Line);
        Assert.Contains("Can't find include file \"nothere.db\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_cycle_is_an_error()
    {
        var e = Assert.Throws<DbParseException>(() => new DbParser().ParseFile(DataPath("cycle.db")));
        Assert.Contains("includes itself", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Location.Line);
    }

    [Fact]
    public void Errors_inside_an_included_file_name_that_file()
    {
        var directory = Directory.CreateTempSubdirectory("softioc-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "main.db"), "record(ai, A)\ninclude \"sub/inner.db\"\n");
            Directory.CreateDirectory(Path.Combine(directory.FullName, "sub"));
            File.WriteAllText(Path.Combine(directory.FullName, "sub", "inner.db"), "record(ai, B)\nrecord(ai, C) { field(DESC, \"$(X)\") }\n");
            var e = Assert.Throws<DbParseException>(() => new DbParser().ParseFile(Path.Combine(directory.FullName, "main.db")));
            Assert.Equal(Path.Combine(directory.FullName, "sub", "inner.db"), e.Location.File);
            Assert.Equal((2, 30), (e.Location.Line, e.Location.Column));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var e = Assert.Throws<DbParseException>(() => new DbParser().ParseFile(DataPath("absent.db")));
        Assert.Contains("Cannot read", e.Message, StringComparison.Ordinal);
    }
}
