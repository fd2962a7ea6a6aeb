using Hyperion.ChannelAccess.SoftIoc.DbFile;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class MacroTableTests
{
    [Fact]
    public void Parentheses_and_braces_both_reference_macros()
    {
        var macros = MacroTable.Parse("P=BL03S-MO-,R=SGON:");
        Assert.Equal("BL03S-MO-SGON:X", macros.Expand("$(P)${R}X"));
    }

    [Fact]
    public void Definition_lists_ignore_blanks_and_honour_quotes()
    {
        var macros = MacroTable.Parse(" A = 1 , B=\"x, y\", C='z=1'");
        Assert.Equal("1", macros.Definitions["A"]);
        Assert.Equal("x, y", macros.Expand("$(B)"));
        Assert.Equal("z=1", macros.Expand("$(C)"));
    }

    [Fact]
    public void A_name_without_a_value_removes_the_macro()
    {
        var macros = MacroTable.Parse("A=1,B=2");
        macros.DefineAll("A,");
        Assert.False(macros.Definitions.ContainsKey("A"));
        Assert.Equal("2", macros.Expand("$(B)"));
    }

    [Fact]
    public void Defaults_apply_only_when_the_macro_is_undefined()
    {
        var macros = MacroTable.Parse("A=set");
        Assert.Equal("set default", macros.Expand("$(A=unused) $(B=default)"));
    }

    [Fact]
    public void Defaults_may_hold_references_expanded_only_when_used()
    {
        var macros = MacroTable.Parse("INNER=in");
        Assert.Equal("in", macros.Expand("$(MISSING=$(INNER))"));
        // An undefined macro inside an unused default is not an error.
        Assert.Equal("x", MacroTable.Parse("A=x").Expand("$(A=$(UNDEFINED))"));
        // Nested defaults.
        Assert.Equal("deep", new MacroTable().Expand("$(A=$(B=$(C=deep)))"));
    }

    [Fact]
    public void Values_are_expanded_when_used_so_they_follow_their_macros()
    {
        var macros = MacroTable.Parse("B=$(A)-b,A=1");
        Assert.Equal("1-b", macros.Expand("$(B)"));
        macros.Define("A", "2");
        Assert.Equal("2-b", macros.Expand("$(B)"));
    }

    [Fact]
    public void Macro_names_may_be_built_from_references()
    {
        var macros = MacroTable.Parse("N=2,M2=two");
        Assert.Equal("two", macros.Expand("$(M$(N))"));
    }

    [Fact]
    public void Scoped_definitions_apply_inside_the_reference()
    {
        var macros = MacroTable.Parse("T=$(X)/$(Y)");
        Assert.Equal("1/2", macros.Expand("$(T,X=1,Y=2)"));
    }

    [Fact]
    public void Single_quotes_and_backslashes_stop_expansion()
    {
        var macros = MacroTable.Parse("P=x");
        Assert.Equal("'$(P)' \\$(P) x", macros.Expand("'$(P)' \\$(P) $(P)"));
        Assert.Equal("\"x\"", macros.Expand("\"$(P)\""));
    }

    [Fact]
    public void An_undefined_macro_is_an_error_naming_it_and_its_position()
    {
        var e = Assert.Throws<MacroException>(() => MacroTable.Parse("P=a").Expand("ab $(P)$(MISSING)"));
        Assert.Equal("MISSING", e.Macro);
        Assert.Equal(7, e.Position);
        Assert.Contains("MISSING", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_macro_inside_a_value_blames_the_outer_reference()
    {
        var e = Assert.Throws<MacroException>(() => MacroTable.Parse("A=$(B)").Expand("xx$(A)"));
        Assert.Equal("B", e.Macro);
        Assert.Equal(2, e.Position);
    }

    [Fact]
    public void A_recursive_definition_is_an_error()
    {
        var e = Assert.Throws<MacroException>(() => MacroTable.Parse("A=$(B),B=$(A)").Expand("$(A)"));
        Assert.Contains("recursive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_reference_is_an_error()
    {
        var e = Assert.Throws<MacroException>(() => MacroTable.Parse("P=1").Expand("a$(P"));
        Assert.Equal(1, e.Position);
        Assert.Contains("Unterminated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_macro_name_in_a_definition_list_is_an_error()
    {
        var e = Assert.Throws<MacroException>(() => MacroTable.Parse("A=1,=2"));
        Assert.Equal(4, e.Position);
    }
}
