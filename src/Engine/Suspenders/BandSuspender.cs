using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Base of suspenders that keep a scalar inside or outside the open band (<see cref="BandBottom"/>,
/// <see cref="BandTop"/>) (bluesky's <c>_SuspendBandBase</c>). A reading that is not a number suspends.
/// </summary>
public abstract class BandSuspender : SuspenderBase
{
    /// <summary>Creates the suspender; <paramref name="bandBottom"/> must be strictly below <paramref name="bandTop"/>.</summary>
    protected BandSuspender(
        ISubscribable signal,
        double bandBottom,
        double bandTop,
        TimeSpan sleep,
        Func<Plan>? prePlan,
        Func<Plan>? postPlan,
        string? trippedMessage,
        string? field)
        : base(signal, sleep, prePlan, postPlan, trippedMessage, field)
    {
        if (!(bandBottom < bandTop))
        {
            throw new ArgumentException(
                $"{GetType().Name} on {signal.Name}: the bottom of the band must be strictly less than the top; got bottom {SuspenderValues.Format(bandBottom)}, top {SuspenderValues.Format(bandTop)}.",
                nameof(bandBottom));
        }

        BandBottom = bandBottom;
        BandTop = bandTop;
    }

    /// <summary>The bottom of the band (exclusive).</summary>
    public double BandBottom { get; }

    /// <summary>The top of the band (exclusive).</summary>
    public double BandTop { get; }

    /// <summary>True when <paramref name="value"/> is a number strictly inside the band.</summary>
    protected bool IsInside(object? value)
    {
        var x = SuspenderValues.ToDouble(value);
        return BandBottom < x && x < BandTop;
    }

    /// <summary>The band as the justification shows it.</summary>
    protected string Band => $"({SuspenderValues.Format(BandBottom)}, {SuspenderValues.Format(BandTop)})";
}
