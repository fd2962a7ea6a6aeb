namespace Hyperion.Engine.Planning;

/// <summary>What a plan did when it was advanced.</summary>
public enum PlanStepKind
{
    /// <summary>The plan yielded a message and waits for the response.</summary>
    Yielded,

    /// <summary>The plan finished normally; its value is <see cref="Plan.ReturnValue"/>.</summary>
    Returned,

    /// <summary>The plan finished by raising an exception (possibly the one thrown into it).</summary>
    Faulted,
}
