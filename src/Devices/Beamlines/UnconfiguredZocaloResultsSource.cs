using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Devices.Beamlines;

/// <summary>The zocalo results source of a beamline given none: subscribing says what is missing.</summary>
internal sealed class UnconfiguredZocaloResultsSource : IZocaloResultsSource
{
    public Task<IAsyncDisposable> SubscribeAsync(string environment, string channel, Func<ZocaloResultsMessage, CancellationToken, Task> onResults, CancellationToken cancellationToken = default) =>
        throw new UnconfiguredServiceException("zocalo", $"a zocalo results source (for {channel} in {environment})");
}
