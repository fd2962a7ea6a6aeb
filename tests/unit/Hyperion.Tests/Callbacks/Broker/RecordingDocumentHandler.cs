using Hyperion.Cli.Callbacks;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Tests.Callbacks.Broker;

/// <summary>Records what a consumer hands it, and lets a test wait for a number of documents.</summary>
internal sealed class RecordingDocumentHandler : IDocumentHandler
{
    private readonly List<(DocumentName Name, Document Document)> _received = [];
    private readonly Lock _gate = new();

    public string Name => "recording";

    public IReadOnlyList<(DocumentName Name, Document Document)> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public Task HandleAsync(DocumentName name, Document document, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _received.Add((name, document));
        }

        return Task.CompletedTask;
    }

    public async Task WaitForAsync(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Received.Count < count)
        {
            try
            {
                await Task.Delay(10, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {count} documents; {Received.Count} arrived.");
            }
        }
    }
}
