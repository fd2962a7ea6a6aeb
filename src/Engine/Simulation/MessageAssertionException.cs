using System.Text;
using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A message assertion on a simulated plan failed (see <see cref="MessageAssertions"/>). It depends on no
/// test framework, so tests in any project can use it; the message lists the messages that were searched.
/// </summary>
public sealed class MessageAssertionException : Exception
{
    /// <summary>Creates the failure, listing <paramref name="messages"/> and marking <paramref name="highlighted"/>.</summary>
    public MessageAssertionException(string summary, IReadOnlyList<Msg> messages, IReadOnlyCollection<int>? highlighted = null)
        : base(Format(summary, messages, highlighted))
    {
        Summary = summary;
        Messages = messages;
    }

    /// <summary>What was asserted and why it failed, without the message listing.</summary>
    public string Summary { get; }

    /// <summary>The messages the assertion searched.</summary>
    public IReadOnlyList<Msg> Messages { get; }

    private static string Format(string summary, IReadOnlyList<Msg> messages, IReadOnlyCollection<int>? highlighted)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder(summary).Append('\n');
        if (messages.Count == 0)
        {
            return text.Append("  (no messages)").ToString();
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var marker = highlighted?.Contains(i) == true ? "> " : "  ";
            text.Append(marker).Append(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append(": ").Append(messages[i]).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
