namespace Hyperion.Engine.Running;

/// <summary>Identifies one call of the RunEngine, so that statuses finishing after it ended are pardoned.</summary>
internal sealed class CallScope
{
    /// <summary>Set once the call is cleaning up: later status failures are no longer the plan's concern.</summary>
    public volatile bool PardonFailures;
}
