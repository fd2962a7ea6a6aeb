using System.Collections.Concurrent;
using Hyperion.FakeZocalo.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.FakeZocalo.Transport.InMemory;

/// <summary>
/// The embedded broker: queues, the default and named exchanges, competing or single-active consumers, manual
/// settling, dead-lettering and message TTL, with RabbitMQ's semantics and nothing to install.
/// </summary>
public sealed class InMemoryTransport : ITransport
{
    private readonly ConcurrentDictionary<string, InMemoryQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InMemoryExchange> _exchanges = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<InMemoryConsumer> _consumers = [];
    private readonly ILogger _logger;

    /// <summary>Creates an empty bus.</summary>
    /// <param name="time">The clock message TTLs are measured on.</param>
    /// <param name="logger">Where handler failures are logged.</param>
    public InMemoryTransport(TimeProvider? time = null, ILogger<InMemoryTransport>? logger = null)
    {
        Time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Description => "memory";

    internal TimeProvider Time { get; }

    /// <summary>How many messages wait in <paramref name="queue"/> (0 when it does not exist).</summary>
    public int ReadyCount(string queue) => _queues.TryGetValue(queue, out var q) ? q.ReadyCount : 0;

    /// <inheritdoc />
    public Task DeclareQueueAsync(QueueSpec queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var existing = _queues.GetOrAdd(queue.Name, _ => new InMemoryQueue(queue));
        if (existing.Spec != queue)
        {
            throw new TransportException(
                $"Queue '{queue.Name}' already exists with other arguments ({existing.Spec}); cannot redeclare it as {queue}.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeclareExchangeAsync(string exchange, ExchangeKind kind, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(exchange))
        {
            throw new ArgumentException("The default exchange cannot be declared.", nameof(exchange));
        }

        var existing = _exchanges.GetOrAdd(exchange, name => new InMemoryExchange(name, kind));
        if (existing.Kind != kind)
        {
            throw new TransportException($"Exchange '{exchange}' already exists as {existing.Kind}; cannot redeclare it as {kind}.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task BindQueueAsync(string queue, string exchange, string routingKey, CancellationToken cancellationToken = default)
    {
        if (!_queues.ContainsKey(queue))
        {
            throw new TransportException($"Cannot bind queue '{queue}': no such queue.");
        }

        if (!_exchanges.TryGetValue(exchange, out var target))
        {
            throw new TransportException($"Cannot bind queue '{queue}' to exchange '{exchange}': no such exchange.");
        }

        target.Bind(queue, routingKey);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PublishAsync(
        string exchange,
        string routingKey,
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, object?>? headers = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<string> targets;
        if (exchange.Length == 0)
        {
            targets = _queues.ContainsKey(routingKey) ? [routingKey] : [];
        }
        else if (_exchanges.TryGetValue(exchange, out var named))
        {
            targets = named.Route(routingKey);
        }
        else
        {
            throw new TransportException($"Cannot publish to exchange '{exchange}': no such exchange.");
        }

        if (targets.Count == 0)
        {
            throw new UnroutableMessageException(exchange, routingKey);
        }

        var copy = body.ToArray();
        var headerCopy = headers is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(headers, StringComparer.Ordinal);
        var now = Time.GetUtcNow();
        foreach (var name in targets)
        {
            var queue = _queues[name];
            DeadLetterAll(queue, queue.TakeExpired(now), "expired");
            queue.Enqueue(new InMemoryEnvelope(copy, headerCopy, exchange, routingKey, now + queue.Spec.MessageTtl));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(
        string queue,
        Func<TransportMessage, CancellationToken, Task<MessageDisposition>> handler,
        SubscriptionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!_queues.TryGetValue(queue, out var target))
        {
            throw new TransportException($"Cannot consume queue '{queue}': no such queue.");
        }

        var consumer = new InMemoryConsumer(this, target, handler, options);
        _consumers.Add(consumer);
        consumer.Start();
        return Task.FromResult<IAsyncDisposable>(consumer);
    }

    /// <summary>Stops every consumer (requeueing what they hold).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var consumer in _consumers)
        {
            await consumer.DisposeAsync();
        }
    }

    internal void DeadLetterAll(InMemoryQueue queue, IReadOnlyList<InMemoryEnvelope> envelopes, string reason)
    {
        if (envelopes.Count == 0 || queue.Spec.DeadLetterQueue is not { } deadLetters || !_queues.TryGetValue(deadLetters, out var target))
        {
            return;
        }

        foreach (var envelope in envelopes)
        {
            var headers = new Dictionary<string, object?>(envelope.Headers, StringComparer.Ordinal)
            {
                ["x-first-death-queue"] = queue.Spec.Name,
                ["x-first-death-reason"] = reason,
            };
            target.Enqueue(envelope with { Headers = headers, ExpiresAt = null, Redelivered = false });
        }
    }

    internal void ReportHandlerFailure(string queue, TransportMessage message, Exception exception) =>
        ZocaloLog.HandlerFailed(
            _logger,
            exception,
            queue,
            DeliveryPolicy.AfterHandlerFailure(message).ToString(),
            message.BodyText);
}
