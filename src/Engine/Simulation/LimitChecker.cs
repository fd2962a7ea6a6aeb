using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// Checks, before running a plan, that it will not ask a device to go outside its limits (bluesky's
/// <c>check_limits_async</c>): the plan is driven with null responses and every 'set' of an
/// <see cref="ICheckable"/> is checked against the device's own limits.
/// </summary>
public static class LimitChecker
{
    /// <summary>
    /// Checks each 'set' of <paramref name="plan"/> as it is yielded: a checkable object's
    /// <see cref="ICheckable.CheckValueAsync"/> exception propagates (the plan is abandoned there, as in bluesky);
    /// an object that cannot check is reported once in the returned warnings and not checked again.
    /// </summary>
    /// <returns>One warning per object that was set but cannot check its limits, in the order first set.</returns>
    public static async Task<IReadOnlyList<string>> CheckLimitsAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<string>();
        var uncheckable = new HashSet<object?>(ReferenceEqualityComparer.Instance);
        var step = plan.Advance(null, null);
        while (step.Kind == PlanStepKind.Yielded)
        {
            var msg = step.Message!;
            if (msg.Command == Commands.Set && !uncheckable.Contains(msg.Obj))
            {
                var value = msg.Args.Count > 0 ? msg.Args[0] : null;
                if (msg.Obj is ICheckable checkable)
                {
                    await checkable.CheckValueAsync(value, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    uncheckable.Add(msg.Obj);
                    warnings.Add(
                        $"{Msg.Describe(msg.Obj)} has no CheckValueAsync (it is not ICheckable) to check whether {Msg.Describe(value)} is within its limits.");
                }
            }

            step = plan.Advance(null, null);
        }

        if (step.Kind == PlanStepKind.Faulted)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(step.Error!);
        }

        return warnings;
    }
}
