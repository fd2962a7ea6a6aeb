using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Simulation.MessageAssertions;

namespace Hyperion.Engine.Tests.Simulation;

public class MessageAssertionsTests
{
    private static readonly SynAxis Motor = new("motor");

    private static readonly IReadOnlyList<Msg> Messages =
    [
        new("open_run"),
        new("set", Motor, [5.0], new Dictionary<string, object?> { ["group"] = "move" }),
        new("wait", null, [], new Dictionary<string, object?> { ["group"] = "move" }),
        new("set", Motor, [6.0], new Dictionary<string, object?> { ["group"] = "other" }),
        new("close_run"),
    ];

    [Fact]
    public void Assert_message_and_return_remaining_returns_the_match_and_everything_after_it()
    {
        var rest = AssertMessageAndReturnRemaining(Messages, m => m.Command == "set" && m.Obj is IHasName { Name: "motor" } && Equals(m.Args[0], 5.0));

        Assert.Equal(Messages.Skip(1), rest);
    }

    [Fact]
    public void Assert_message_and_return_remaining_can_require_a_group()
    {
        var rest = AssertMessageAndReturnRemaining(Messages, m => m.Command == "set", group: "other");

        Assert.Equal(6.0, rest[0].Args[0]);
        Assert.Equal(2, rest.Count);
    }

    [Fact]
    public void Assert_message_and_return_remaining_fails_listing_messages()
    {
        var error = Assert.Throws<MessageAssertionException>(
            () => AssertMessageAndReturnRemaining(Messages, m => m.Command == "trigger", "trigger of the eiger"));

        Assert.Equal(Messages, error.Messages);
        Assert.StartsWith("No message matched 'trigger of the eiger' among these 5 messages:", error.Message, StringComparison.Ordinal);
        foreach (var msg in Messages)
        {
            Assert.Contains(msg.ToString(), error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("  001: Msg('set', obj=motor, args=(5,)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assert_message_and_return_remaining_fails_on_no_messages_at_all()
    {
        var error = Assert.Throws<MessageAssertionException>(() => AssertMessageAndReturnRemaining([], _ => true));

        Assert.Contains("No message matched the predicate among these 0 messages", error.Message, StringComparison.Ordinal);
        Assert.Contains("(no messages)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assert_no_message_passes_when_nothing_matches()
    {
        AssertNoMessage(Messages, m => m.Command == "trigger");
        AssertNoMessage(Messages, m => m.Command == "set", group: "elsewhere");
    }

    [Fact]
    public void Assert_no_message_fails_marking_each_match()
    {
        var error = Assert.Throws<MessageAssertionException>(() => AssertNoMessage(Messages, m => m.Command == "set", "a move"));

        Assert.Equal("Expected no message to match 'a move', but 2 did (marked '>'):", error.Summary);
        Assert.Contains("> 001: Msg('set'", error.Message, StringComparison.Ordinal);
        Assert.Contains("> 003: Msg('set'", error.Message, StringComparison.Ordinal);
        Assert.Contains("  002: Msg('wait'", error.Message, StringComparison.Ordinal);
    }
}
