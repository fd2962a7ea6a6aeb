using System.Globalization;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>
/// The callbacks process's end of the document bus: consumes <see cref="DocumentBus.Queue"/> one message at a time, in
/// queue order, reads each back into a document and hands it to a handler, acknowledging it only once handled. A message
/// that is not a document is logged with its sequence number and why, dead-lettered, and consumption goes on. Per
/// publisher, a gap in the sequence is logged and a repeat (a redelivery of something already handled) is skipped.
/// </summary>
public sealed class DocumentConsumer : IAsyncDisposable
{
    private readonly IDocumentHandler _handler;
    private readonly ILogger _log;
    private readonly Dictionary<string, long> _lastSequence = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IAsyncDisposable? _subscription;
    private Task _current = Task.CompletedTask;
    private bool _stopping;
    private long _handled;
    private long _rejected;

    private DocumentConsumer(IDocumentHandler handler, ILogger log)
    {
        _handler = handler;
        _log = log;
    }

    /// <summary>How many documents the handler has been given.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>How many messages were dead-lettered (malformed, or their handling failed).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Declares the documents' exchange and queue, then consumes the queue in order into <paramref name="handler"/>.</summary>
    /// <param name="transport">The broker (not owned: dispose it after this).</param>
    /// <param name="handler">Given each document in turn; the next waits until it returns.</param>
    /// <param name="log">Where rejected messages are logged.</param>
    /// <param name="cancellationToken">Cancels the declarations and the subscription.</param>
    /// <exception cref="TransportException">The broker refused the declarations or the subscription.</exception>
    public static async Task<DocumentConsumer> StartAsync(ITransport transport, IDocumentHandler handler, ILogger log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(log);
        await DocumentBus.DeclareAsync(transport, cancellationToken).ConfigureAwait(false);
        var consumer = new DocumentConsumer(handler, log);
        consumer._subscription = await transport.SubscribeAsync(
            DocumentBus.Queue,
            consumer.OnMessageAsync,
            new SubscriptionOptions(Prefetch: 1, ConsumerTag: "hyperion-callbacks", Concurrency: 1),
            cancellationToken).ConfigureAwait(false);
        return consumer;
    }

    /// <summary>
    /// Stops taking messages, lets the one being handled finish and be acknowledged, then cancels the subscription
    /// (anything not yet delivered stays on the queue). Idempotent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task current;
        lock (_gate)
        {
            _stopping = true;
            current = _current;
        }

        // A failure to settle it has already reached the transport through the handler; stopping goes on regardless.
        await current.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Interlocked.Exchange(ref _subscription, null) is { } subscription)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<MessageDisposition> OnMessageAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        Task work;
        lock (_gate)
        {
            if (_stopping)
            {
                return MessageDisposition.Requeue;
            }

            // Handled apart from the subscription's token: a stop lets the document in hand finish and be acknowledged.
            work = HandleAsync(message);
            _current = work;
        }

        await work.ConfigureAwait(false);
        return MessageDisposition.Hold;
    }

    private async Task HandleAsync(TransportMessage message)
    {
        await Task.Yield();
        DocumentMessage document;
        try
        {
            document = DocumentMessage.Decode(message);
        }
        catch (MalformedDocumentMessageException malformed)
        {
            var sequence = malformed.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "?";
            BrokerLog.Malformed(_log, sequence, DocumentBus.Queue, malformed.Reason, Abbreviate(message.BodyText));
            Interlocked.Increment(ref _rejected);
            await message.SettleAsync(MessageDisposition.DeadLetter).ConfigureAwait(false);
            return;
        }

        if (!InSequence(document))
        {
            await message.SettleAsync(MessageDisposition.Ack).ConfigureAwait(false);
            return;
        }

        try
        {
            await _handler.HandleAsync(document.Name, document.Document, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _handled);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Logged and kept on the dead-letter queue, never dropped; the documents after it still reach the callbacks.
            BrokerLog.HandlingFailed(_log, error, document.Sequence, document.Name.ToWireName(), document.Publisher);
            Interlocked.Increment(ref _rejected);
            await message.SettleAsync(MessageDisposition.DeadLetter).ConfigureAwait(false);
            return;
        }

        await message.SettleAsync(MessageDisposition.Ack).ConfigureAwait(false);
    }

    private bool InSequence(DocumentMessage document)
    {
        if (_lastSequence.TryGetValue(document.Publisher, out var last))
        {
            if (document.Sequence <= last)
            {
                BrokerLog.Duplicate(_log, document.Sequence, document.Name.ToWireName(), document.Publisher, last);
                return false;
            }

            if (document.Sequence > last + 1)
            {
                BrokerLog.Gap(_log, last + 1, document.Sequence - 1, document.Publisher, document.Sequence);
            }
        }

        _lastSequence[document.Publisher] = document.Sequence;
        return true;
    }

    private static string Abbreviate(string text) => text.Length <= 500 ? text : string.Concat(text.AsSpan(0, 500), "…");
}
