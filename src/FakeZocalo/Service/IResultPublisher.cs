using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Service;

/// <summary>Publishes a centring outcome in its recipe envelope on <c>xrc.{channel}</c>.</summary>
public interface IResultPublisher
{
    /// <summary>Publishes <paramref name="outcome"/> for the group <paramref name="dcgid"/>.</summary>
    Task PublishAsync(long dcid, long dcgid, CentringOutcome outcome, CancellationToken cancellationToken = default);
}
