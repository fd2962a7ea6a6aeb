namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>
/// Where zocalo's X-ray centring results come from (dodal subscribes to the RabbitMQ queue through the workflows
/// transport). An implementation consumes <c>channel</c> (e.g. "xrc.i03") in <c>environment</c>, unwraps each
/// recipe-wrapped message into a <see cref="ZocaloResultsMessage"/>, hands it to the callback, and acknowledges
/// it once the callback has returned.
/// </summary>
public interface IZocaloResultsSource
{
    /// <summary>Starts delivering results to <paramref name="onResults"/>; disposing the result disconnects.</summary>
    Task<IAsyncDisposable> SubscribeAsync(string environment, string channel, Func<ZocaloResultsMessage, CancellationToken, Task> onResults, CancellationToken cancellationToken = default);
}
