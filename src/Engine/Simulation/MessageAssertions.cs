using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// Assertions over the messages a <see cref="RunEngineSimulator"/> recorded, in mx-bluesky's style: find
/// the next expected message, keep the rest, and go on from there. Failures throw
/// <see cref="MessageAssertionException"/> listing the messages searched.
/// </summary>
public static class MessageAssertions
{
    /// <summary>
    /// Finds the first message satisfying <paramref name="predicate"/> (and, when <paramref name="group"/> is
    /// given, whose kwarg 'group' equals it) and returns the messages from it on, the match first, so the
    /// next assertion can read it and search after it (bluesky's <c>assert_message_and_return_remaining</c>).
    /// </summary>
    /// <exception cref="MessageAssertionException">No message matches; it lists every message searched.</exception>
    public static IReadOnlyList<Msg> AssertMessageAndReturnRemaining(
        IReadOnlyList<Msg> messages,
        Func<Msg, bool> predicate,
        string? description = null,
        object? group = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(predicate);
        for (var i = 0; i < messages.Count; i++)
        {
            if (Matches(messages[i], predicate, group))
            {
                return Remaining(messages, i);
            }
        }

        throw new MessageAssertionException(
            $"No message matched {Describe(description, group)} among these {messages.Count} messages:", messages);
    }

    /// <summary>Asserts that no message satisfies <paramref name="predicate"/> (and <paramref name="group"/>, when given).</summary>
    /// <exception cref="MessageAssertionException">Some do; they are marked in the listing of every message.</exception>
    public static void AssertNoMessage(
        IReadOnlyList<Msg> messages,
        Func<Msg, bool> predicate,
        string? description = null,
        object? group = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(predicate);
        var matches = new List<int>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (Matches(messages[i], predicate, group))
            {
                matches.Add(i);
            }
        }

        if (matches.Count > 0)
        {
            throw new MessageAssertionException(
                $"Expected no message to match {Describe(description, group)}, but {matches.Count} did (marked '>'):", messages, matches);
        }
    }

    private static bool Matches(Msg msg, Func<Msg, bool> predicate, object? group) =>
        (group is null || Equals(msg.Kwargs.GetValueOrDefault("group"), group)) && predicate(msg);

    private static string Describe(string? description, object? group) =>
        (description is null ? "the predicate" : $"'{description}'") + (group is null ? string.Empty : $" in group {Msg.Describe(group)}");

    private static Msg[] Remaining(IReadOnlyList<Msg> messages, int from)
    {
        var rest = new Msg[messages.Count - from];
        for (var i = from; i < messages.Count; i++)
        {
            rest[i - from] = messages[i];
        }

        return rest;
    }
}
