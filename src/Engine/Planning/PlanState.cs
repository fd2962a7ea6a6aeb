namespace Hyperion.Engine.Planning;

/// <summary>Life cycle of a plan object, as of a Python generator.</summary>
internal enum PlanState
{
    NotStarted,
    Running,
    Completed,
}
