using Hyperion.Engine.Messages;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// One way a <see cref="RunEngineSimulator"/> answers messages: the messages it applies to, and what it
/// sends back into the plan (a response, or an exception it throws).
/// </summary>
/// <param name="Predicate">Chooses the messages this handler answers.</param>
/// <param name="Respond">Computes the response; an exception it throws is thrown into the plan.</param>
/// <param name="Description">Says what the handler matches, for failure messages and debugging.</param>
public sealed record MessageHandler(Func<Msg, bool> Predicate, Func<Msg, object?> Respond, string Description)
{
    /// <summary>
    /// A handler for any of <paramref name="commands"/>, optionally only for messages whose object is named
    /// <paramref name="objName"/> (through <see cref="IHasName"/>).
    /// </summary>
    public static MessageHandler For(IEnumerable<string> commands, Func<Msg, object?> respond, string? objName = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var set = commands.ToHashSet(StringComparer.Ordinal);
        var description = Describe(set) + (objName is null ? string.Empty : $" on '{objName}'");
        return new MessageHandler(
            msg => set.Contains(msg.Command) && (objName is null || (msg.Obj is IHasName named && named.Name == objName)),
            respond,
            description);
    }

    /// <summary>A handler for any of <paramref name="commands"/> whose messages also satisfy <paramref name="filter"/>.</summary>
    public static MessageHandler For(IEnumerable<string> commands, Func<Msg, object?> respond, Func<Msg, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(filter);
        var set = commands.ToHashSet(StringComparer.Ordinal);
        return new MessageHandler(msg => set.Contains(msg.Command) && filter(msg), respond, Describe(set) + " (filtered)");
    }

    /// <summary>True when this handler answers <paramref name="msg"/>.</summary>
    public bool Matches(Msg msg) => Predicate(msg);

    /// <inheritdoc />
    public override string ToString() => $"MessageHandler({Description})";

    private static string Describe(IReadOnlySet<string> commands) =>
        string.Join("|", commands.Order(StringComparer.Ordinal).Select(c => "'" + c + "'"));
}
