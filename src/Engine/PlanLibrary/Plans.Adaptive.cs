using Hyperion.Engine.Documents;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using C = Hyperion.Engine.Messages.Commands;

namespace Hyperion.Engine.PlanLibrary;

public static partial class Plans
{
    /// <summary>
    /// Scans one movable from <paramref name="start"/> towards <paramref name="stop"/> with a step that adapts to
    /// how fast <paramref name="targetField"/> changes (bluesky's <c>adaptive_scan</c>): it aims for a change of
    /// <paramref name="targetDelta"/> per step, within [<paramref name="minStep"/>, <paramref name="maxStep"/>],
    /// and with <paramref name="backstep"/> goes back and retries a step that changed the signal too much.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="targetField">The data key whose changes set the step.</param>
    /// <param name="motor">The movable; it is read at each point too.</param>
    /// <param name="start">First position.</param>
    /// <param name="stop">The scan ends once a position would reach or pass this.</param>
    /// <param name="minStep">Smallest step, for fast-changing regions; greater than 0.</param>
    /// <param name="maxStep">Largest step, for slow-changing regions; greater than <paramref name="minStep"/>.</param>
    /// <param name="targetDelta">The desired change of the target field between points.</param>
    /// <param name="backstep">Whether the motor may step backwards to retry a region.</param>
    /// <param name="threshold">A new step below this fraction of the last one triggers a backstep.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> AdaptiveScan(
        IReadOnlyList<IReadable> detectors,
        string targetField,
        IMovable motor,
        double start,
        double stop,
        double minStep,
        double maxStep,
        double targetDelta,
        bool backstep,
        double threshold = 0.8,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        ArgumentException.ThrowIfNullOrEmpty(targetField);
        CheckMotor(motor, nameof(motor));
        CheckFinite(start, nameof(start));
        CheckFinite(stop, nameof(stop));
        if (!(0 < minStep && minStep < maxStep))
        {
            throw new ArgumentOutOfRangeException(nameof(minStep), minStep,
                $"min_step and max_step must meet condition of max_step > min_step > 0; got min_step={minStep}, max_step={maxStep}.");
        }

        var dets = detectors.ToList();
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["detectors"] = NamesOf(dets),
                ["motors"] = new List<string> { NameOf(motor) },
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(dets),
                    ["motor"] = NameOf(motor),
                    ["start"] = start,
                    ["stop"] = stop,
                    ["min_step"] = minStep,
                    ["max_step"] = maxStep,
                    ["target_delta"] = targetDelta,
                    ["backstep"] = backstep,
                    ["threshold"] = threshold,
                },
                ["plan_name"] = "adaptive_scan",
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, DimensionsPerDevice([motor]));
        var devices = Stubs.SeparateDevices<object>([.. dets, motor]);

        async Plan Core()
        {
            var nextPos = start;
            var step = (maxStep - minStep) / 2;
            double? pastI = null;
            var sign = stop >= start ? 1 : -1;
            while (nextPos * sign < stop * sign)
            {
                await Stubs.Checkpoint();
                await Stubs.Mv(motor, nextPos);
                await Stubs.Create(Primary);
                foreach (var det in dets)
                {
                    await new Msg(C.Trigger, det, [], Stubs.Kw(("group", "B")));
                }

                await new Msg(C.Wait, null, "B");
                double? curI = null;
                foreach (var device in devices)
                {
                    if (await new Msg(C.Read, device) is IReadOnlyDictionary<string, Reading> reading
                        && reading.TryGetValue(targetField, out var value))
                    {
                        curI = MetadataValues.AsDouble(value.Value)
                            ?? throw new InvalidOperationException($"adaptive_scan needs a numeric '{targetField}', but {NameOf(device)} read {Msg.Describe(value.Value)}.");
                    }
                }

                await Stubs.Save();

                // bluesky would go on stepping blindly; a missing target field is a mistake worth naming.
                var current = curI ?? throw new InvalidOperationException(
                    $"adaptive_scan found no '{targetField}' in the readings of {string.Join(", ", devices.Select(NameOf))}; target_field must be one of their data keys.");

                if (pastI is not { } past)
                {
                    pastI = current;
                    nextPos += step * sign;
                    continue;
                }

                var slope = Math.Abs(current - past) / step;
                var newStep = slope != 0 ? Math.Clamp(targetDelta / slope, minStep, maxStep) : Math.Min(step * 1.1, maxStep);

                // Overstepped: go back and retry with the smaller step.
                if (backstep && newStep < step * threshold)
                {
                    nextPos -= step;
                    step = newStep;
                }
                else
                {
                    pastI = current;
                    step = (0.2 * newStep) + (0.8 * step);
                }

                nextPos += step * sign;
            }
        }

        return Preprocessors.StageWrapper(Preprocessors.RunWrapper(Core(), metadata), [.. dets, motor]);
    }

    /// <summary>
    /// An adaptive scan with <paramref name="start"/> and <paramref name="stop"/> relative to where the movable is
    /// (bluesky's <c>rel_adaptive_scan</c>); it moves back afterwards.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="targetField">The data key whose changes set the step.</param>
    /// <param name="motor">The movable.</param>
    /// <param name="start">First position, relative to the current one.</param>
    /// <param name="stop">End position, relative to the current one.</param>
    /// <param name="minStep">Smallest step; greater than 0.</param>
    /// <param name="maxStep">Largest step; greater than <paramref name="minStep"/>.</param>
    /// <param name="targetDelta">The desired change of the target field between points.</param>
    /// <param name="backstep">Whether the motor may step backwards.</param>
    /// <param name="threshold">A new step below this fraction of the last one triggers a backstep.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelAdaptiveScan(
        IReadOnlyList<IReadable> detectors,
        string targetField,
        IMovable motor,
        double start,
        double stop,
        double minStep,
        double maxStep,
        double targetDelta,
        bool backstep,
        double threshold = 0.8,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(
            AdaptiveScan(detectors, targetField, motor, start, stop, minStep, maxStep, targetDelta, backstep, threshold, Merge(Named("rel_adaptive_scan"), md)),
            [motor]);

    /// <summary>
    /// Tunes a movable to the centroid of <paramref name="signal"/> (bluesky's <c>tune_centroid</c>): scans
    /// <paramref name="num"/> points from <paramref name="start"/> to <paramref name="stop"/>, recentres on the
    /// centroid with the range divided by <paramref name="stepFactor"/>, and repeats until the step is below
    /// <paramref name="minStep"/>; then moves to the last centroid.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="signal">The data key to centre on.</param>
    /// <param name="motor">The movable; it is read at each point too.</param>
    /// <param name="start">Start of the range.</param>
    /// <param name="stop">End of the range.</param>
    /// <param name="minStep">Smallest step; greater than 0.</param>
    /// <param name="num">Points per pass, at least 2.</param>
    /// <param name="stepFactor">How much each pass narrows the range; greater than 1.</param>
    /// <param name="snake">Whether alternate passes run backwards.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> TuneCentroid(
        IReadOnlyList<IReadable> detectors,
        string signal,
        IMovable motor,
        double start,
        double stop,
        double minStep,
        int num = 10,
        double stepFactor = 3.0,
        bool snake = false,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        ArgumentException.ThrowIfNullOrEmpty(signal);
        CheckMotor(motor, nameof(motor));
        CheckFinite(start, nameof(start));
        CheckFinite(stop, nameof(stop));
        if (!(minStep > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minStep), minStep, "min_step must be positive.");
        }

        if (!(stepFactor > 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(stepFactor), stepFactor, "step_factor must be greater than 1.0.");
        }

        if (num < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(num), num, "tune_centroid needs at least 2 points per pass.");
        }

        var hinted = HintedFields(motor);
        var motorField = hinted.Count == 1 ? hinted[0] : NameOf(motor);
        var dets = detectors.ToList();
        var readables = motor is IReadable readableMotor ? [.. dets, readableMotor] : dets;
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["detectors"] = NamesOf(dets),
                ["motors"] = new List<string> { NameOf(motor) },
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(dets),
                    ["motor"] = NameOf(motor),
                    ["start"] = start,
                    ["stop"] = stop,
                    ["num"] = num,
                    ["min_step"] = minStep,
                },
                ["plan_name"] = "tune_centroid",
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, DimensionsPerDevice([motor]));
        var lowLimit = Math.Min(start, stop);
        var highLimit = Math.Max(start, stop);

        double ValueOf(IReadOnlyDictionary<string, Reading> readings, string key) =>
            readings.TryGetValue(key, out var reading) && MetadataValues.AsDouble(reading.Value) is { } value
                ? value
                : throw new InvalidOperationException(
                    $"tune_centroid needs a numeric '{key}' in the readings of {string.Join(", ", readables.Select(r => r.Name))}; they hold {string.Join(", ", readings.Keys)}.");

        async Plan Core()
        {
            double passStart = start, passStop = stop;
            var nextPos = passStart;
            var step = (passStop - passStart) / (num - 1);
            double? peakPosition = null;
            double sumI = 0, sumXI = 0;
            while (Math.Abs(step) >= minStep && lowLimit <= nextPos && nextPos <= highLimit)
            {
                await Stubs.Checkpoint();
                await Stubs.Mv(motor, nextPos);
                var readings = await Stubs.TriggerAndRead(readables);
                var curI = ValueOf(readings, signal);
                sumI += curI;
                sumXI += ValueOf(readings, motorField) * curI;
                nextPos += step;
                if (Math.Min(passStart, passStop) <= nextPos && nextPos <= Math.Max(passStart, passStop))
                {
                    continue;
                }

                // The pass is over: recentre on the centroid with a narrower range.
                if (sumI == 0)
                {
                    return;
                }

                var peak = sumXI / sumI;
                peakPosition = peak;
                sumI = 0;
                sumXI = 0;
                var newRange = (passStop - passStart) / stepFactor;
                passStart = Math.Clamp(peak - (newRange / 2), lowLimit, highLimit);
                passStop = Math.Clamp(peak + (newRange / 2), lowLimit, highLimit);
                if (snake)
                {
                    (passStart, passStop) = (passStop, passStart);
                }

                step = (passStop - passStart) / (num - 1);
                nextPos = passStart;
            }

            if (peakPosition is { } final)
            {
                await Stubs.Mv(motor, final);
            }
        }

        return Preprocessors.StageWrapper(Preprocessors.RunWrapper(Core(), metadata), [.. dets, motor]);
    }
}
