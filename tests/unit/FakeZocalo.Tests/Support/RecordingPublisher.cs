using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Hyperion.FakeZocalo.Service;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>Records the results the reducer publishes.</summary>
public sealed class RecordingPublisher : IResultPublisher
{
    public ConcurrentQueue<(long Dcid, long Dcgid, JsonArray Results)> Published { get; } = new();

    public Task PublishAsync(long dcid, long dcgid, JsonArray results, CancellationToken cancellationToken = default)
    {
        Published.Enqueue((dcid, dcgid, results));
        return Task.CompletedTask;
    }
}
