using System.Collections.Concurrent;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Service;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>Records the results the reducer publishes.</summary>
public sealed class RecordingPublisher : IResultPublisher
{
    public ConcurrentQueue<(long Dcid, long Dcgid, CentringOutcome Outcome)> Published { get; } = new();

    public Task PublishAsync(long dcid, long dcgid, CentringOutcome outcome, CancellationToken cancellationToken = default)
    {
        Published.Enqueue((dcid, dcgid, outcome));
        return Task.CompletedTask;
    }
}
