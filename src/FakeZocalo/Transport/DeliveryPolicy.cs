namespace Hyperion.FakeZocalo.Transport;

/// <summary>What both transports do with a delivery whose handler threw: retry once, then dead-letter.</summary>
public static class DeliveryPolicy
{
    /// <summary>The disposition for a message whose handler failed.</summary>
    public static MessageDisposition AfterHandlerFailure(TransportMessage message) =>
        message.Redelivered ? MessageDisposition.DeadLetter : MessageDisposition.Requeue;
}
