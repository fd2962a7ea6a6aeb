using Hyperion.Engine.Documents;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

public static partial class Plans
{
    /// <summary>
    /// Takes <paramref name="num"/> readings of the detectors (bluesky's <c>count</c>), each starting
    /// <paramref name="delay"/> seconds after the one before; null counts until the run is stopped.
    /// </summary>
    /// <param name="detectors">The detectors to trigger and read.</param>
    /// <param name="num">Number of readings (at least 1), or null for no limit.</param>
    /// <param name="delay">Seconds from the start of one reading to the start of the next; bluesky also waits it out after the last.</param>
    /// <param name="perShot">Replaces the default shot (<see cref="Stubs.OneShot"/>).</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    /// <param name="time">The clock that measures each reading against the delay (the system clock by default).</param>
    public static Plan<string?> Count(
        IReadOnlyList<IReadable> detectors,
        int? num = 1,
        double delay = 0.0,
        PerShot? perShot = null,
        IReadOnlyDictionary<string, object?>? md = null,
        TimeProvider? time = null)
    {
        CheckFinite(delay, nameof(delay));
        return CountCore(detectors, num, delay, null, perShot, md, time);
    }

    /// <summary>
    /// Takes <paramref name="num"/> readings of the detectors (bluesky's <c>count</c> with a list of delays):
    /// reading i+1 starts <c>delay[i]</c> seconds after reading i; the count ends when the delays run out.
    /// </summary>
    /// <param name="detectors">The detectors to trigger and read.</param>
    /// <param name="num">Number of readings (at least 1), or null to go on until the delays run out.</param>
    /// <param name="delay">The delays; at least <c>num - 1</c> of them.</param>
    /// <param name="perShot">Replaces the default shot (<see cref="Stubs.OneShot"/>).</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    /// <param name="time">The clock that measures each reading against its delay.</param>
    public static Plan<string?> Count(
        IReadOnlyList<IReadable> detectors,
        int? num,
        IReadOnlyList<double> delay,
        PerShot? perShot = null,
        IReadOnlyDictionary<string, object?>? md = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(delay);
        if (num is { } n && n - 1 > delay.Count)
        {
            throw new ArgumentException($"num={n} but delay only provides {delay.Count} entries; give at least num - 1 delays.", nameof(delay));
        }

        return CountCore(detectors, num, null, delay, perShot, md, time);
    }

    private static Plan<string?> CountCore(
        IReadOnlyList<IReadable> detectors,
        int? num,
        double? delay,
        IReadOnlyList<double>? delays,
        PerShot? perShot,
        IReadOnlyDictionary<string, object?>? md,
        TimeProvider? time)
    {
        CheckDetectors(detectors);
        if (num is { } n)
        {
            CheckNum(n, nameof(num));
        }

        var dets = detectors.ToList();
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["detectors"] = NamesOf(dets),
                ["num_points"] = num,
                ["num_intervals"] = num - 1,
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(dets),
                    ["num"] = num,
                    ["delay"] = delays is null ? delay : delays.ToList(),
                },
                ["plan_name"] = "count",
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, [new HintDimension(["time"], Primary)]);

        Plan Shot() => perShot is null ? Stubs.OneShot(dets) : perShot(dets);
        var repeat = delays is null ? Stubs.Repeat(Shot, num, delay ?? 0.0, time) : Stubs.Repeat(Shot, num, delays, time);
        return Preprocessors.StageWrapper(Preprocessors.RunWrapper(repeat, metadata), dets);
    }
}
