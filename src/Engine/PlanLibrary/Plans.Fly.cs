using Hyperion.Engine.Errors;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.PlanLibrary;

public static partial class Plans
{
    /// <summary>
    /// A fly scan (bluesky's <c>fly</c>): opens a run, kicks off each flyer and waits for it, completes each and
    /// waits, collects each, and closes the run. Returns the run's uid.
    /// </summary>
    /// <param name="flyers">The flyers; each must also be collectable.</param>
    /// <param name="md">Metadata for the run.</param>
    /// <remarks>
    /// bluesky's RunStart gets <c>plan_name</c> "fly" from the generator's name; a C# plan is named after its
    /// method, so "fly" is passed as a default in the 'open_run' metadata instead.
    /// </remarks>
    public static Plan<string?> Fly(IReadOnlyList<IFlyable> flyers, IReadOnlyDictionary<string, object?>? md = null)
    {
        ArgumentNullException.ThrowIfNull(flyers);
        var collectables = new List<ICollectable>(flyers.Count);
        foreach (var flyer in flyers)
        {
            collectables.Add(flyer as ICollectable
                ?? throw new ArgumentException($"{NameOf(flyer)} cannot be collected; a flyer in a fly scan must implement ICollectable.", nameof(flyers)));
        }

        return FlyCore([.. flyers], collectables, Merge(Named("fly"), md));
    }

    /// <summary>
    /// Takes data while something ramps (bluesky's <c>ramp_plan</c>): inside a run, with
    /// <paramref name="monitorSignal"/> monitored, takes a first point (with <paramref name="takePreData"/>), starts
    /// the ramp with <paramref name="goPlan"/>, takes points until the status it returned is done (no faster than
    /// one per <paramref name="period"/> seconds), and takes a last point.
    /// </summary>
    /// <param name="goPlan">Starts the ramp and returns its status; under a simulator, whose status is null, the ramp counts as done.</param>
    /// <param name="monitorSignal">A signal monitored for the whole run.</param>
    /// <param name="innerPlan">Makes the plan that takes one point (one or more events).</param>
    /// <param name="takePreData">Whether to take a point before the ramp starts.</param>
    /// <param name="timeout">Seconds after which a ramp still running fails with <see cref="RampFail"/>; null waits for ever.</param>
    /// <param name="period">Minimum seconds between the starts of points; null takes them as fast as possible.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    /// <param name="time">The clock for the timeout and period.</param>
    public static Plan<string?> RampPlan(
        Plan<Status?> goPlan,
        ISubscribable monitorSignal,
        Func<Plan> innerPlan,
        bool takePreData = true,
        double? timeout = null,
        double? period = null,
        IReadOnlyDictionary<string, object?>? md = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(goPlan);
        ArgumentNullException.ThrowIfNull(monitorSignal);
        ArgumentNullException.ThrowIfNull(innerPlan);
        if (timeout is { } t)
        {
            CheckFinite(t, nameof(timeout));
        }

        if (period is { } p)
        {
            CheckFinite(p, nameof(period));
        }

        var clock = time ?? TimeProvider.System;

        async Plan Polling()
        {
            var began = clock.GetTimestamp();
            if (takePreData)
            {
                await innerPlan();
            }

            var status = await goPlan;
            while (status is { Done: false })
            {
                var pointStarted = clock.GetTimestamp();
                await innerPlan();
                if (timeout is { } limit && clock.GetElapsedTime(began).TotalSeconds > limit)
                {
                    throw new RampFail(limit);
                }

                if (period is { } seconds)
                {
                    var wait = seconds - clock.GetElapsedTime(pointStarted).TotalSeconds;
                    if (wait > 0)
                    {
                        await Stubs.Sleep(wait);
                    }
                }
            }

            await innerPlan();
        }

        return AsRunUid(Preprocessors.MonitorDuring(Preprocessors.RunWrapper(Polling(), Merge(Named("ramp_plan"), md)), [monitorSignal]));
    }

    private static async Plan<string?> FlyCore(List<IFlyable> flyers, List<ICollectable> collectables, Dictionary<string, object?> md)
    {
        var uid = await Stubs.OpenRun(md);
        foreach (var flyer in flyers)
        {
            await Stubs.Kickoff(flyer, wait: true);
        }

        foreach (var flyer in flyers)
        {
            await Stubs.Complete(flyer, wait: true);
        }

        foreach (var collectable in collectables)
        {
            await Stubs.Collect([collectable]);
        }

        await Stubs.CloseRun();
        return uid;
    }

    private static async Plan<string?> AsRunUid(Plan<object?> plan) => (string?)await plan;
}
