namespace Hyperion.Engine.Callbacks;

/// <summary>What the dispatcher does when a callback throws.</summary>
public enum CallbackExceptionPolicy
{
    /// <summary>The exception propagates: it is thrown into the plan at the message that emitted the document (bluesky's default).</summary>
    Raise,

    /// <summary>The exception is logged and collection continues (bluesky's <c>ignore_callback_exceptions = True</c>).</summary>
    LogAndContinue,
}
