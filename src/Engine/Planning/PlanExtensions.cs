using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Planning;

/// <summary>Conveniences for composing plans.</summary>
public static class PlanExtensions
{
    /// <summary>Lets a plan write <c>await messages</c> to yield a sequence of messages in place (<c>yield from</c>).</summary>
    public static Plan GetAwaiter(this IEnumerable<Msg> messages) => Plan.From(messages);

    /// <summary>Drives a plan with no RunEngine (every response null) and returns its messages, as bluesky's <c>list(plan)</c>.</summary>
    public static IReadOnlyList<Msg> ToMessageList(this Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var messages = new List<Msg>();
        var step = plan.Advance(null, null);
        while (step.Kind == PlanStepKind.Yielded)
        {
            messages.Add(step.Message!);
            step = plan.Advance(null, null);
        }

        if (step.Kind == PlanStepKind.Faulted)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(step.Error!);
        }

        return messages;
    }
}
