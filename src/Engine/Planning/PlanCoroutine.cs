using System.Runtime.ExceptionServices;

namespace Hyperion.Engine.Planning;

/// <summary>
/// Shared state of async-method plans: which plan's body is running on this thread, so that
/// <c>await msg</c> can read the response the RunEngine sent into that plan.
/// </summary>
internal static class PlanCoroutine
{
    [ThreadStatic]
    private static Plan? _resuming;

    internal static Plan? Enter(Plan plan)
    {
        var previous = _resuming;
        _resuming = plan;
        return previous;
    }

    internal static void Exit(Plan? previous) => _resuming = previous;

    internal static object? TakeResponse()
    {
        var plan = _resuming ?? throw AwaitedOutsidePlan();
        var error = plan.PendingError;
        var response = plan.PendingResponse;
        plan.PendingError = null;
        plan.PendingResponse = null;
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return response;
    }

    /// <summary>Throwing from OnCompleted would crash the process on the thread pool, so the awaiter resumes and fails in GetResult.</summary>
    internal static void ResumeMisplacedAwait(Action continuation) =>
        ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: false);

    internal static InvalidOperationException AwaitedOutsidePlan() => new(
        "A Msg or Plan can only be awaited inside an 'async Plan' method. To execute a plan, pass it to " +
        "RunEngine.RunAsync; to inspect it without hardware, use PlanSimulator.");

    internal static InvalidOperationException UnsupportedAwait(Type awaiterType, string planName) => new(
        $"Plan '{planName}' awaited {awaiterType.Name}. A plan may only await Msg objects and other plans: it must " +
        "not wait on tasks or touch hardware itself. Yield Msg('wait_for', ...) or a status-returning message instead.");
}
