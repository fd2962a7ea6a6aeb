using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Devices.Tests.Mx.Zocalo;

/// <summary>An in-memory results source: tests publish messages to whoever is subscribed.</summary>
public sealed class FakeZocaloSource : IZocaloResultsSource
{
    private Func<ZocaloResultsMessage, CancellationToken, Task>? _subscriber;

    public List<(string Environment, string Channel)> Subscriptions { get; } = [];

    public int Disconnects { get; private set; }

    public Action? OnSubscribe { get; set; }

    public Task<IAsyncDisposable> SubscribeAsync(string environment, string channel, Func<ZocaloResultsMessage, CancellationToken, Task> onResults, CancellationToken cancellationToken = default)
    {
        Subscriptions.Add((environment, channel));
        _subscriber = onResults;
        OnSubscribe?.Invoke();
        return Task.FromResult<IAsyncDisposable>(new Subscription(this));
    }

    public Task PublishAsync(ZocaloResultsMessage message) =>
        (_subscriber ?? throw new InvalidOperationException("nobody subscribed"))(message, CancellationToken.None);

    private sealed class Subscription(FakeZocaloSource source) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            source._subscriber = null;
            source.Disconnects++;
            return ValueTask.CompletedTask;
        }
    }
}
