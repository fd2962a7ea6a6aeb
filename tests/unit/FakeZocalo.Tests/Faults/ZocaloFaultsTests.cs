using Hyperion.FakeZocalo.Faults;

namespace Hyperion.FakeZocalo.Tests.Faults;

public sealed class ZocaloFaultsTests
{
    [Fact]
    public void Dodal_conventions_give_no_diffraction_and_multiple_crystals_by_prefix()
    {
        var faults = new ZocaloFaults();
        Assert.Equal(ZocaloFaultKind.EmptyResults, faults.Match("NO_DIFF_sample_1")?.Kind);
        Assert.Equal(ZocaloFaultKind.ExtraCrystal, faults.Match("MULTI_X_1")?.Kind);
        Assert.Null(faults.Match("thau_1"));
        Assert.Null(new ZocaloFaults(withDodalConventions: false).Match("NO_DIFF_1"));
    }

    [Fact]
    public void The_longest_matching_prefix_wins_and_clearing_removes_it()
    {
        var faults = new ZocaloFaults(withDodalConventions: false);
        faults.Set(new ZocaloFault(string.Empty, ZocaloFaultKind.Duplicate));
        faults.Set(new ZocaloFault("slow", ZocaloFaultKind.LateReply, TimeSpan.FromSeconds(5)));
        Assert.Equal(ZocaloFaultKind.LateReply, faults.Match("slow_1")?.Kind);
        Assert.Equal(ZocaloFaultKind.Duplicate, faults.Match("other")?.Kind);
        Assert.True(faults.Clear("slow"));
        Assert.Equal(ZocaloFaultKind.Duplicate, faults.Match("slow_1")?.Kind);
        faults.ClearAll();
        Assert.Empty(faults.All);
    }

    [Theory]
    [InlineData("x=no-reply", ZocaloFaultKind.NoReply, 0, 3)]
    [InlineData("x=late-reply:2.5", ZocaloFaultKind.LateReply, 2.5, 3)]
    [InlineData("x=duplicate", ZocaloFaultKind.Duplicate, 0, 3)]
    [InlineData("x=wrong-dcid", ZocaloFaultKind.WrongDcid, 0, 3)]
    [InlineData("x=empty-results", ZocaloFaultKind.EmptyResults, 0, 3)]
    [InlineData("x=extra-crystal:4", ZocaloFaultKind.ExtraCrystal, 0, 4)]
    public void Faults_parse_from_the_command_line_form(string text, ZocaloFaultKind kind, double seconds, int offset)
    {
        var fault = ZocaloFault.Parse(text);
        Assert.Equal("x", fault.FilenamePrefix);
        Assert.Equal(kind, fault.Kind);
        Assert.Equal(TimeSpan.FromSeconds(seconds), fault.Delay);
        Assert.Equal(offset, fault.Offset);
    }

    [Theory]
    [InlineData("no-equals", "PREFIX=KIND")]
    [InlineData("x=explode", "unknown kind 'explode'")]
    [InlineData("x=late-reply:soon", "'soon' is not a non-negative number")]
    public void Bad_fault_specifications_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ZocaloFault.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
