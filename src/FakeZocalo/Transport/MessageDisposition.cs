namespace Hyperion.FakeZocalo.Transport;

/// <summary>How a consumer settles a delivered message.</summary>
public enum MessageDisposition
{
    /// <summary>Processed: remove it from the queue.</summary>
    Ack,

    /// <summary>Not processed now: put it back for another delivery (marked redelivered).</summary>
    Requeue,

    /// <summary>Never processable: route it to the queue's dead-letter queue (or drop it where there is none).</summary>
    DeadLetter,

    /// <summary>
    /// Keep it unsettled: the handler settles it later through <see cref="TransportMessage.SettleAsync"/>
    /// (a reducer holds its inputs until the result is published, so a crash redelivers them).
    /// </summary>
    Hold,
}
