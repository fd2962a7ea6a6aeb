using System.Text;

namespace Hyperion.FakeZocalo.Transport;

/// <summary>A delivered message: its body, headers and routing, and a way to settle it later when held.</summary>
public sealed class TransportMessage
{
    private readonly Func<MessageDisposition, CancellationToken, Task> _settle;
    private int _settled;

    /// <summary>Creates a delivered message; <paramref name="settle"/> acks, requeues or dead-letters it.</summary>
    public TransportMessage(
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, object?> headers,
        string exchange,
        string routingKey,
        bool redelivered,
        Func<MessageDisposition, CancellationToken, Task> settle)
    {
        Body = body;
        Headers = headers;
        Exchange = exchange;
        RoutingKey = routingKey;
        Redelivered = redelivered;
        _settle = settle;
    }

    /// <summary>The body; a copy owned by this message.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The AMQP headers, with string values as strings.</summary>
    public IReadOnlyDictionary<string, object?> Headers { get; }

    /// <summary>The exchange it was published to (empty for the default exchange).</summary>
    public string Exchange { get; }

    /// <summary>The routing key it was published with.</summary>
    public string RoutingKey { get; }

    /// <summary>Whether it was delivered before and not acknowledged.</summary>
    public bool Redelivered { get; }

    /// <summary>The body as UTF-8 text (for logs and error messages).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>Whether it has been settled.</summary>
    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    /// <summary>
    /// Settles a message its handler answered <see cref="MessageDisposition.Hold"/> for. Settling twice does nothing
    /// the second time.
    /// </summary>
    public Task SettleAsync(MessageDisposition disposition, CancellationToken cancellationToken = default)
    {
        if (disposition == MessageDisposition.Hold)
        {
            throw new ArgumentException("A message is settled by Ack, Requeue or DeadLetter, not Hold.", nameof(disposition));
        }

        return Interlocked.Exchange(ref _settled, 1) == 0 ? _settle(disposition, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>A header's value as text, or null when absent.</summary>
    public string? HeaderText(string name) => Headers.TryGetValue(name, out var value) ? value?.ToString() : null;
}
