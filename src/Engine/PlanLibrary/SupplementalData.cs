using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// A configurable preprocessor for measurements that go with every run (bluesky's <c>SupplementalData</c>):
/// baseline readings at both ends of each run, signals monitored during it, and flyers flown during it. Add
/// <see cref="Apply"/> to the RunEngine's preprocessors; the lists may be changed between plans.
/// </summary>
/// <remarks>
/// The order of operations in each run is: baseline readings, start monitoring, kick off flyers, the plan,
/// complete and collect flyers, stop monitoring, baseline readings.
/// </remarks>
public sealed class SupplementalData
{
    /// <summary>Devices read into the "baseline" stream after each 'open_run' and before each 'close_run'.</summary>
    public IList<IReadable> Baseline { get; } = [];

    /// <summary>Signals monitored for the duration of each run.</summary>
    public IList<ISubscribable> Monitors { get; } = [];

    /// <summary>Flyers kicked off at the start of each run and completed and collected at its end.</summary>
    public IList<IFlyable> Flyers { get; } = [];

    /// <summary>Wraps <paramref name="plan"/> with the current baseline, monitors and flyers.</summary>
    public Plan Apply(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // Inside out: flying innermost, baseline outermost, so baseline readings bracket everything else.
        var flown = Preprocessors.FlyDuring(plan, [.. Flyers]);
        var monitored = Preprocessors.MonitorDuring(flown, [.. Monitors]);
        return Preprocessors.Baseline(monitored, [.. Baseline]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SupplementalData(baseline=[{string.Join(", ", Baseline.Select(d => d.Name))}], " +
        $"monitors=[{string.Join(", ", Monitors.Select(d => d.Name))}], flyers=[{string.Join(", ", Flyers.Select(d => d.Name))}])";
}
