using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Cli.Tests.Experiments.XrayCentre;

/// <summary>A zocalo results source whose test publishes results to whoever subscribed (the staged device).</summary>
internal sealed class CapturingZocaloSource : IZocaloResultsSource
{
    private Func<ZocaloResultsMessage, CancellationToken, Task>? _onResults;

    public int Subscriptions { get; private set; }

    public Task<IAsyncDisposable> SubscribeAsync(
        string environment, string channel, Func<ZocaloResultsMessage, CancellationToken, Task> onResults, CancellationToken cancellationToken = default)
    {
        _onResults = onResults;
        Subscriptions++;
        return Task.FromResult<IAsyncDisposable>(new Subscription(this));
    }

    public Task PublishAsync(ZocaloResultsMessage message) =>
        (_onResults ?? throw new InvalidOperationException("Nothing has subscribed to zocalo results."))(message, CancellationToken.None);

    private sealed class Subscription(CapturingZocaloSource owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            owner._onResults = null;
            return ValueTask.CompletedTask;
        }
    }
}
