using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Planning;

/// <summary>
/// The outcome of advancing a plan one step: the next message, normal completion, or the exception
/// that ended it. Returned instead of thrown so that driving a plan costs no exception on the hot path.
/// </summary>
public readonly struct PlanStep
{
    private PlanStep(PlanStepKind kind, Msg? message, Exception? error)
    {
        Kind = kind;
        Message = message;
        Error = error;
    }

    /// <summary>Which of the three outcomes this is.</summary>
    public PlanStepKind Kind { get; }

    /// <summary>The yielded message when <see cref="Kind"/> is <see cref="PlanStepKind.Yielded"/>.</summary>
    public Msg? Message { get; }

    /// <summary>The exception that ended the plan when <see cref="Kind"/> is <see cref="PlanStepKind.Faulted"/>.</summary>
    public Exception? Error { get; }

    /// <summary>A step that yielded <paramref name="message"/>.</summary>
    public static PlanStep Yield(Msg message) => new(PlanStepKind.Yielded, message, null);

    /// <summary>A step that finished the plan normally.</summary>
    public static PlanStep Returned => new(PlanStepKind.Returned, null, null);

    /// <summary>A step that finished the plan with <paramref name="error"/>.</summary>
    public static PlanStep Fault(Exception error) => new(PlanStepKind.Faulted, null, error);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PlanStepKind.Yielded => $"Yielded {Message}",
        PlanStepKind.Faulted => $"Faulted {Error?.GetType().Name}: {Error?.Message}",
        _ => "Returned",
    };
}
