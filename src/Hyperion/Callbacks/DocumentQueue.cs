using System.Threading.Channels;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks;

/// <summary>
/// Feeds documents to handlers on a background queue, in the order the RunEngine emitted them, so a handler's I/O
/// (ISPyB, Zocalo, files) never blocks the RunEngine. A handler's failure on one document is logged, kept, and
/// reported by the next <see cref="DrainAsync"/>; the handler still gets the following documents.
/// </summary>
public sealed class DocumentQueue : IAsyncDisposable
{
    private readonly IReadOnlyList<IDocumentHandler> _handlers;
    private readonly ILogger _log;
    private readonly Channel<QueueItem> _channel = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<CallbackDocumentException> _failures = [];
    private readonly Lock _failuresLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;

    /// <summary>Creates the queue and starts feeding its handlers.</summary>
    /// <param name="handlers">The handlers, each given every document in order.</param>
    /// <param name="log">Where failures are logged.</param>
    public DocumentQueue(IEnumerable<IDocumentHandler> handlers, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = handlers.ToList();
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _pump = Task.Run(() => PumpAsync(_stopping.Token));
        Callback = Enqueue;
    }

    /// <summary>The callback to subscribe to the RunEngine: it only enqueues.</summary>
    public DocumentCallback Callback { get; }

    /// <summary>The handlers, in the order they receive each document.</summary>
    public IReadOnlyList<IDocumentHandler> Handlers => _handlers;

    /// <summary>
    /// Waits until every document enqueued before this call has been handled, then throws
    /// <see cref="CallbackFailuresException"/> if any handler failed since the last drain.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the documents are still handled).</param>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_channel.Writer.TryWrite(new QueueItem(default, null, barrier)), this);

        await barrier.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        CallbackDocumentException[] failures;
        lock (_failuresLock)
        {
            failures = [.. _failures];
            _failures.Clear();
        }

        if (failures.Length > 0)
        {
            throw new CallbackFailuresException(failures);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        try
        {
            await _pump.ConfigureAwait(false);
        }
        finally
        {
            _stopping.Dispose();
        }
    }

    private void Enqueue(DocumentName name, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(!_channel.Writer.TryWrite(new QueueItem(name, document, null)), this);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Barrier is { } barrier)
            {
                barrier.TrySetResult();
                continue;
            }

            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.HandleAsync(item.Name, item.Document!, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Kept for the next drain, never dropped: the plan's owner decides what a failed deposition means.
                    var runUid = RunUidOf(item.Document!);
                    CallbackLog.Failed(_log, error, handler.Name, item.Name.ToWireName(), runUid);
                    lock (_failuresLock)
                    {
                        _failures.Add(new CallbackDocumentException(handler.Name, item.Name, runUid, error));
                    }
                }
            }
        }
    }

    private static string RunUidOf(Document document) => document switch
    {
        RunStart start => start.Uid,
        RunStop stop => stop.RunStartUid,
        EventDescriptor descriptor => descriptor.RunStartUid,
        Event ev => ev.Descriptor,
        _ => string.Empty,
    };

    private readonly record struct QueueItem(DocumentName Name, Document? Document, TaskCompletionSource? Barrier);
}
