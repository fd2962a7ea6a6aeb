namespace Hyperion.Engine.Running;

/// <summary>What the RunEngine sends into a plan next: the response to its last message, or an error to throw.</summary>
/// <param name="Value">The response.</param>
/// <param name="Error">The exception to throw into the plan instead.</param>
internal readonly record struct PlanInput(object? Value, Exception? Error);
