using Hyperion.Devices.Mx.Zocalo;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using DeviceResult = Hyperion.Devices.Mx.Zocalo.XrcResult;
using ServiceResult = Hyperion.FakeZocalo.Centring.XrcResult;

namespace Hyperion.Cli.Zocalo;

/// <summary>
/// The zocalo device's results from one of the fake Zocalo's transports: consumes the results queue
/// (<c>xrc.i03</c>), unwraps each recipe-wrapped message and hands it to the device, acknowledging it once handled.
/// Malformed messages are logged and dead-lettered, as the workflows transport would leave them.
/// </summary>
public sealed partial class TransportZocaloResultsSource(ITransport transport, ILogger<TransportZocaloResultsSource>? logger = null) : IZocaloResultsSource
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> SubscribeAsync(string environment, string channel, Func<ZocaloResultsMessage, CancellationToken, Task> onResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onResults);
        return await transport.SubscribeAsync(
            channel,
            async (message, ct) =>
            {
                XrcResultsMessage parsed;
                try
                {
                    parsed = XrcResultsEnvelope.Parse(message.Body.Span);
                }
                catch (RecipeEnvelopeException bad)
                {
                    BadResults(_logger, channel, $"{bad.Path}: {bad.Message}");
                    return MessageDisposition.DeadLetter;
                }

                await onResults(ToDevice(parsed), ct).ConfigureAwait(false);
                return MessageDisposition.Ack;
            },
            new SubscriptionOptions(Prefetch: 16, ConsumerTag: "hyperion-zocalo-results", Concurrency: 1),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The device's view of a results message.</summary>
    public static ZocaloResultsMessage ToDevice(XrcResultsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ZocaloResultsMessage(
            [.. message.Payload.Results.Select(ToDevice)],
            new ZocaloRecipeParameters(checked((int)message.Dcid), checked((int)message.Dcgid), message.Gpu));
    }

    private static DeviceResult ToDevice(ServiceResult result)
    {
        var box = result.BoundingBox;
        IReadOnlyList<IReadOnlyList<long>> bounds = box is null
            ? []
            : [[box.X0, box.Y0, box.Z0], [box.X1, box.Y1, box.Z1]];
        return new DeviceResult(
            result.CentreOfMass,
            [.. result.MaxVoxel.Select(v => (long)v)],
            result.MaxCount,
            result.NVoxels,
            result.TotalCount,
            bounds,
            result.SampleId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped a malformed zocalo results message on {Channel}: {Reason}")]
    private static partial void BadResults(ILogger logger, string channel, string reason);
}
