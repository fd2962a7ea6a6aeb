using System.Collections.Concurrent;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>A consumer that records what it receives and answers with a chosen disposition.</summary>
public sealed class RecordingHandler(Func<TransportMessage, MessageDisposition>? answer = null)
{
    public ConcurrentQueue<TransportMessage> Received { get; } = new();

    public IReadOnlyList<string> Bodies => Received.Select(m => m.BodyText).ToArray();

    public Task<MessageDisposition> HandleAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return Task.FromResult(answer?.Invoke(message) ?? MessageDisposition.Ack);
    }
}
