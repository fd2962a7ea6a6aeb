namespace Hyperion.Cli.Tests.Callbacks.Broker;

/// <summary>A broker that does not confirm anything until released.</summary>
internal sealed class HeldTransport(Hyperion.FakeZocalo.Transport.ITransport inner) : DelegatingTransport(inner)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstPublish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first publish has reached the broker (and is waiting for its confirmation).</summary>
    public Task FirstPublishStarted => _firstPublish.Task;

    public void Release() => _released.TrySetResult();

    public override async Task PublishAsync(
        string exchange, string routingKey, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, object?>? headers = null, CancellationToken cancellationToken = default)
    {
        _firstPublish.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        await base.PublishAsync(exchange, routingKey, body, headers, cancellationToken);
    }
}
