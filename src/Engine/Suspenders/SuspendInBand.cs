using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// The older name of <see cref="SuspendWhenOutsideBand"/>, with the same behaviour: suspends when the scalar
/// leaves the band, i.e. the plan runs only while the value is in the band. bluesky deprecated the name because
/// it reads backwards; it is kept so that ported configurations work unchanged.
/// </summary>
public sealed class SuspendInBand : SuspendWhenOutsideBand
{
    /// <summary>Creates the suspender; see <see cref="SuspenderBase"/> for the common parameters.</summary>
    public SuspendInBand(
        ISubscribable signal,
        double bandBottom,
        double bandTop,
        TimeSpan sleep = default,
        Func<Plan>? prePlan = null,
        Func<Plan>? postPlan = null,
        string? trippedMessage = null,
        string? field = null)
        : base(signal, bandBottom, bandTop, sleep, prePlan, postPlan, trippedMessage, field)
    {
    }
}
