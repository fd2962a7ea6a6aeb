using Hyperion.Engine.Planning;

namespace Hyperion.Engine.Running;

/// <summary>A suspension asked for by a suspender, queued until the message loop can act on it safely.</summary>
/// <param name="Resume">Completes when it is safe to go on.</param>
/// <param name="PrePlan">Runs before waiting.</param>
/// <param name="PostPlan">Runs after waiting.</param>
/// <param name="Justification">Why the RunEngine suspended.</param>
internal sealed record SuspensionRequest(Task Resume, Func<Plan>? PrePlan, Func<Plan>? PostPlan, string? Justification);
