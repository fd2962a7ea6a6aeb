using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Planning;

/// <summary>
/// A plan made of a message sequence (a list, or an iterator method). It ignores responses, like a
/// bluesky list plan; an exception thrown into it ends it, after the iterator's finally blocks run.
/// </summary>
internal sealed class MessagesPlan : Plan
{
    private readonly IEnumerable<Msg> _messages;
    private readonly string _planType;
    private IEnumerator<Msg>? _enumerator;

    internal MessagesPlan(IEnumerable<Msg> messages, string planType)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _messages = messages;
        _planType = planType;
    }

    public override string PlanType => _planType;

    public override string Name => _planType == "list" ? "list" : _messages.GetType().Name;

    public override PlanStep Advance(object? response, Exception? error)
    {
        if (State == PlanState.Completed)
        {
            return AfterCompletion(error);
        }

        if (State == PlanState.NotStarted)
        {
            MarkStarted();
            if (error is null)
            {
                _enumerator = _messages.GetEnumerator();
            }
        }

        if (error is not null)
        {
            Finish();
            MarkFaulted(error);
            return PlanStep.Fault(error);
        }

        try
        {
            if (_enumerator!.MoveNext())
            {
                return PlanStep.Yield(_enumerator.Current ?? throw new InvalidOperationException(
                    $"Plan '{Name}' yielded null instead of a Msg."));
            }
        }
        catch (Exception ex)
        {
            Finish();
            MarkFaulted(ex);
            return PlanStep.Fault(ex);
        }

        Finish();
        MarkReturned();
        return PlanStep.Returned;
    }

    private void Finish()
    {
        _enumerator?.Dispose();
        _enumerator = null;
    }
}
