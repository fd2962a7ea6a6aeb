using System.Collections.Concurrent;

namespace Hyperion.FakeZocalo.Transport.InMemory;

/// <summary>
/// One subscription to an in-memory queue: takes messages while it has prefetch credit, runs the handler and
/// settles each delivery as the handler says. Disposing it requeues what it still holds, as a closed AMQP channel does.
/// </summary>
internal sealed class InMemoryConsumer : IAsyncDisposable
{
    private readonly InMemoryTransport _transport;
    private readonly InMemoryQueue _queue;
    private readonly Func<TransportMessage, CancellationToken, Task<MessageDisposition>> _handler;
    private readonly SemaphoreSlim _credit;
    private readonly SemaphoreSlim _concurrency;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, InMemoryEnvelope> _unsettled = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _nextTag;
    private Task _loop = Task.CompletedTask;

    public InMemoryConsumer(
        InMemoryTransport transport,
        InMemoryQueue queue,
        Func<TransportMessage, CancellationToken, Task<MessageDisposition>> handler,
        SubscriptionOptions options)
    {
        _transport = transport;
        _queue = queue;
        _handler = handler;
        _credit = new SemaphoreSlim(options.Prefetch, options.Prefetch);
        _concurrency = new SemaphoreSlim(options.HandlerConcurrency, options.HandlerConcurrency);
    }

    public void Start()
    {
        _queue.Attach(this);
        _loop = Task.Run(() => ConsumeAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _queue.Detach(this);
        await WhenStopped(_loop);
        await Task.WhenAll(_running.Values.Select(WhenStopped));

        // What the handler still holds goes back to the queue, for another consumer.
        foreach (var tag in _unsettled.Keys.ToArray())
        {
            if (_unsettled.TryRemove(tag, out var envelope))
            {
                _queue.Requeue(envelope);
            }
        }

        _stop.Dispose();
        _credit.Dispose();
        _concurrency.Dispose();
    }

    private static async Task WhenStopped(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels the loop and any handler waiting on the token: that is the expected end.
        }
    }

    private async Task ConsumeAsync(CancellationToken stop)
    {
        var expired = new List<InMemoryEnvelope>();
        while (!stop.IsCancellationRequested)
        {
            await _credit.WaitAsync(stop);
            InMemoryEnvelope? envelope;
            while (true)
            {
                envelope = _queue.TryTake(this, _transport.Time.GetUtcNow(), expired, out var changed);
                _transport.DeadLetterAll(_queue, expired, "expired");
                expired.Clear();
                if (envelope is not null)
                {
                    break;
                }

                await changed.WaitAsync(stop);
            }

            var tag = Interlocked.Increment(ref _nextTag);
            _unsettled[tag] = envelope;

            // Taken in queue order here, so a handler concurrency of 1 also handles them in queue order.
            await _concurrency.WaitAsync(stop);
            var delivery = DeliverAsync(tag, envelope, stop);
            _running[tag] = delivery;
            _ = delivery.ContinueWith(_ => _running.TryRemove(tag, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task DeliverAsync(long tag, InMemoryEnvelope envelope, CancellationToken stop)
    {
        try
        {
            await HandleAsync(tag, envelope, stop);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private async Task HandleAsync(long tag, InMemoryEnvelope envelope, CancellationToken stop)
    {
        await Task.Yield();
        var message = new TransportMessage(
            envelope.Body,
            envelope.Headers,
            envelope.Exchange,
            envelope.RoutingKey,
            envelope.Redelivered,
            (disposition, _) =>
            {
                Settle(tag, disposition);
                return Task.CompletedTask;
            });
        MessageDisposition disposition;
        try
        {
            disposition = await _handler(message, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Unsubscribed mid-delivery: the message stays unsettled and goes back to the queue on dispose.
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The handler is the service's code: its own logging names the failure; the bus only settles.
            _transport.ReportHandlerFailure(_queue.Spec.Name, message, exception);
            disposition = DeliveryPolicy.AfterHandlerFailure(message);
        }

        if (disposition != MessageDisposition.Hold)
        {
            await message.SettleAsync(disposition, CancellationToken.None);
        }
    }

    private void Settle(long tag, MessageDisposition disposition)
    {
        if (!_unsettled.TryRemove(tag, out var envelope))
        {
            return;
        }

        switch (disposition)
        {
            case MessageDisposition.Requeue:
                _queue.Requeue(envelope);
                break;
            case MessageDisposition.DeadLetter:
                _transport.DeadLetterAll(_queue, [envelope], "rejected");
                break;
        }

        if (!_stop.IsCancellationRequested)
        {
            _credit.Release();
        }
    }
}
