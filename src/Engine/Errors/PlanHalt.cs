namespace Hyperion.Engine.Errors;

/// <summary>Closes the plan on <c>RunEngine.HaltAsync</c>: the plan gets no chance to yield cleanup messages.</summary>
public sealed class PlanHalt : PlanClosedException
{
    /// <summary>Creates the halt.</summary>
    public PlanHalt()
        : base("The RunEngine halted the plan; no plan cleanup runs.")
    {
    }
}
