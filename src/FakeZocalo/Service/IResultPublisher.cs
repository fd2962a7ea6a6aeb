using System.Text.Json.Nodes;

namespace Hyperion.FakeZocalo.Service;

/// <summary>Publishes a results list in its recipe envelope on <c>xrc.{channel}</c>.</summary>
public interface IResultPublisher
{
    /// <summary>Publishes <paramref name="results"/> for the group <paramref name="dcgid"/>.</summary>
    Task PublishAsync(long dcid, long dcgid, JsonArray results, CancellationToken cancellationToken = default);
}
