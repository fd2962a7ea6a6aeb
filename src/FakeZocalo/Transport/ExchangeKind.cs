namespace Hyperion.FakeZocalo.Transport;

/// <summary>How an exchange routes messages to its bound queues.</summary>
public enum ExchangeKind
{
    /// <summary>Routes to queues bound with exactly the message's routing key.</summary>
    Direct,

    /// <summary>Routes by dotted pattern: <c>*</c> matches one word, <c>#</c> zero or more.</summary>
    Topic,
}
