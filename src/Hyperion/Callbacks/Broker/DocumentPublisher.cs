using System.Threading.Channels;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>
/// Publishes every document the RunEngine emits to <see cref="DocumentBus.Exchange"/>, in order, for Hyperion's
/// callbacks process (<c>hyperion serve --external-callbacks</c>). The callback only numbers and queues the document, so
/// the RunEngine never waits for the broker; a worker publishes the queue in order, each publish confirmed by the broker
/// before the next. <see cref="DrainAsync"/> waits until everything queued so far is confirmed, and reports what failed.
/// </summary>
public sealed class DocumentPublisher : IAsyncDisposable
{
    private readonly ITransport _transport;
    private readonly ILogger _log;
    private readonly Channel<QueueItem> _channel = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<DocumentPublishException> _failures = [];
    private readonly Lock _failuresLock = new();
    private readonly Task _pump;
    private long _sequence;
    private long _confirmed;

    private DocumentPublisher(ITransport transport, string publisher, ILogger log)
    {
        _transport = transport;
        Publisher = publisher;
        _log = log;
        Callback = Enqueue;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The callback to subscribe to the RunEngine: it only queues.</summary>
    public DocumentCallback Callback { get; }

    /// <summary>This publisher's name in the <see cref="DocumentBus.PublisherHeader"/> header: host, process id and a unique suffix.</summary>
    public string Publisher { get; }

    /// <summary>How many documents the broker has confirmed.</summary>
    public long Confirmed => Interlocked.Read(ref _confirmed);

    /// <summary>Declares the documents' exchange and queue on <paramref name="transport"/>, then starts publishing.</summary>
    /// <param name="transport">The broker (not owned: dispose it after this).</param>
    /// <param name="log">Where publish failures are logged.</param>
    /// <param name="cancellationToken">Cancels the declarations.</param>
    /// <exception cref="TransportException">The broker refused the declarations or could not be reached.</exception>
    public static async Task<DocumentPublisher> StartAsync(ITransport transport, ILogger log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(log);
        await DocumentBus.DeclareAsync(transport, cancellationToken).ConfigureAwait(false);
        var publisher = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        return new DocumentPublisher(transport, publisher, log);
    }

    /// <summary>
    /// Waits until every document queued before this call has been confirmed by the broker (or failed), then throws
    /// <see cref="DocumentPublishFailuresException"/> if any publish failed since the last drain.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the documents are still published).</param>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_channel.Writer.TryWrite(new QueueItem(0, default, null, barrier)), this);
        await barrier.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        DocumentPublishException[] failures;
        lock (_failuresLock)
        {
            failures = [.. _failures];
            _failures.Clear();
        }

        if (failures.Length > 0)
        {
            throw new DocumentPublishFailuresException(failures);
        }
    }

    /// <summary>Publishes what is queued, then stops the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private void Enqueue(DocumentName name, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sequence = Interlocked.Increment(ref _sequence);
        ObjectDisposedException.ThrowIf(!_channel.Writer.TryWrite(new QueueItem(sequence, name, document, null)), this);
    }

    private async Task PumpAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.Barrier is { } barrier)
            {
                barrier.TrySetResult();
                continue;
            }

            var message = new DocumentMessage(Publisher, item.Sequence, item.Name, item.Document!);
            try
            {
                // The transport bounds the wait: RabbitMQ retries a recovering connection for its publish timeout, then throws.
                await _transport.PublishAsync(DocumentBus.Exchange, item.Name.ToWireName(), message.EncodeBody(), message.Headers()).ConfigureAwait(false);
                Interlocked.Increment(ref _confirmed);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Any failure (broker, connection, serialization) is logged and kept for the next drain, never dropped: the
                // runner reports the experiment failed. The worker goes on with the next document.
                var runUid = RunUidOf(item.Document!);
                BrokerLog.PublishFailed(_log, error, item.Sequence, item.Name.ToWireName(), runUid, DocumentBus.Exchange, _transport.Description);
                lock (_failuresLock)
                {
                    _failures.Add(new DocumentPublishException(item.Sequence, item.Name, runUid, DocumentBus.Exchange, _transport.Description, error));
                }
            }
        }
    }

    private static string RunUidOf(Document document) => document switch
    {
        RunStart start => start.Uid,
        RunStop stop => stop.RunStartUid,
        EventDescriptor descriptor => descriptor.RunStartUid,
        _ => string.Empty,
    };

    private readonly record struct QueueItem(long Sequence, DocumentName Name, Document? Document, TaskCompletionSource? Barrier);
}
