using Hyperion.FakeZocalo.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hyperion.FakeZocalo.Transport.RabbitMq;

/// <summary>
/// <see cref="ITransport"/> on a RabbitMQ broker (RabbitMQ.Client 7): persistent messages published with
/// confirms and the mandatory flag, consumers with manual acknowledgement and prefetch, automatic connection and
/// topology recovery, and publishes that wait out a recovery with back-off.
/// </summary>
public sealed class RabbitMqTransport : ITransport
{
    private readonly RabbitMqOptions _options;
    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _declare = new(1, 1);
    private readonly List<RabbitMqSubscription> _subscriptions = [];

    private RabbitMqTransport(RabbitMqOptions options, IConnection connection, IChannel publisher, TimeProvider time, ILogger logger)
    {
        _options = options;
        _connection = connection;
        _publisher = publisher;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Description => _options.Redacted;

    /// <summary>
    /// Connects to the broker, retrying with back-off until <see cref="RabbitMqOptions.ConnectTimeout"/>.
    /// Throws <see cref="TransportException"/> naming the broker when it cannot be reached.
    /// </summary>
    public static async Task<RabbitMqTransport> ConnectAsync(
        RabbitMqOptions options,
        TimeProvider? time = null,
        ILogger<RabbitMqTransport>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var factory = new ConnectionFactory
        {
            Uri = options.Uri,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.InitialReconnectDelay,
            ClientProvidedName = options.ClientName,
        };
        var backoff = new Backoff(time, options.InitialReconnectDelay, options.MaxReconnectDelay, options.ConnectTimeout);
        while (true)
        {
            try
            {
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                try
                {
                    var publisher = await connection.CreateChannelAsync(
                        new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                        cancellationToken);
                    return new RabbitMqTransport(options, connection, publisher, time, (ILogger?)logger ?? NullLogger.Instance);
                }
                catch (OperationInterruptedException refused)
                {
                    // e.g. a virtual host that does not exist, or one the user may not use: retrying will not help.
                    await connection.DisposeAsync();
                    throw new TransportException(
                        $"The RabbitMQ broker at {options.Redacted} refused the connection: {refused.ShutdownReason?.ReplyText ?? refused.Message}", refused);
                }
            }
            catch (BrokerUnreachableException unreachable)
            {
                if (!await backoff.WaitAsync(cancellationToken))
                {
                    throw new TransportException(
                        $"Could not reach the RabbitMQ broker at {options.Redacted} within {options.ConnectTimeout.TotalSeconds:0.#} s: {unreachable.InnerException?.Message ?? unreachable.Message}",
                        unreachable);
                }
            }
        }
    }

    /// <inheritdoc />
    public Task DeclareQueueAsync(QueueSpec queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return DeclareAsync(
            $"declare queue '{queue.Name}'",
            channel => channel.QueueDeclareAsync(
                queue.Name,
                durable: true,
                exclusive: false,
                autoDelete: false,
                arguments: queue.Arguments(),
                cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeclareExchangeAsync(string exchange, ExchangeKind kind, CancellationToken cancellationToken = default) =>
        DeclareAsync(
            $"declare exchange '{exchange}'",
            channel => channel.ExchangeDeclareAsync(
                exchange,
                kind == ExchangeKind.Topic ? ExchangeType.Topic : ExchangeType.Direct,
                durable: true,
                autoDelete: false,
                cancellationToken: cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task BindQueueAsync(string queue, string exchange, string routingKey, CancellationToken cancellationToken = default) =>
        DeclareAsync(
            $"bind queue '{queue}' to exchange '{exchange}' for '{routingKey}'",
            channel => channel.QueueBindAsync(queue, exchange, routingKey, cancellationToken: cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public async Task PublishAsync(
        string exchange,
        string routingKey,
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, object?>? headers = null,
        CancellationToken cancellationToken = default)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            Headers = RabbitMqHeaders.ToAmqp(headers),
        };
        var backoff = new Backoff(_time, _options.InitialReconnectDelay, _options.MaxReconnectDelay, _options.PublishTimeout);
        while (true)
        {
            try
            {
                await _publisher.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, cancellationToken);
                return;
            }
            catch (PublishException returned) when (returned.IsReturn)
            {
                throw new UnroutableMessageException(exchange, routingKey);
            }
            catch (PublishException nacked)
            {
                throw new TransportException($"The broker refused a message for exchange '{exchange}', routing key '{routingKey}'.", nacked);
            }
            catch (AlreadyClosedException closed)
            {
                // The connection is recovering: wait for it, within the publish timeout.
                if (!await backoff.WaitAsync(cancellationToken))
                {
                    throw new TransportException(
                        $"Could not publish to exchange '{exchange}', routing key '{routingKey}': the connection to {Description} stayed closed for {_options.PublishTimeout.TotalSeconds:0.#} s.",
                        closed);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> SubscribeAsync(
        string queue,
        Func<TransportMessage, CancellationToken, Task<MessageDisposition>> handler,
        SubscriptionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)options.HandlerConcurrency),
            cancellationToken);
        try
        {
            await channel.BasicQosAsync(0, (ushort)options.Prefetch, global: false, cancellationToken);
            var subscription = new RabbitMqSubscription(channel, queue, handler, _logger);
            await subscription.StartAsync(options.ConsumerTag, cancellationToken);
            lock (_subscriptions)
            {
                _subscriptions.Add(subscription);
            }

            return subscription;
        }
        catch (OperationInterruptedException refused)
        {
            await channel.DisposeAsync();
            throw new TransportException($"Cannot consume queue '{queue}' on {Description}: {refused.ShutdownReason?.ReplyText ?? refused.Message}", refused);
        }
    }

    /// <summary>Cancels the consumers (the broker requeues what they held) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        RabbitMqSubscription[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }

        await _publisher.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
        _declare.Dispose();
    }

    private async Task DeclareAsync(string what, Func<IChannel, Task> declare, CancellationToken cancellationToken)
    {
        // A refused declaration closes its channel, so each gets a fresh one.
        await _declare.WaitAsync(cancellationToken);
        try
        {
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await declare(channel);
        }
        catch (OperationInterruptedException refused)
        {
            throw new TransportException($"The broker at {Description} refused to {what}: {refused.ShutdownReason?.ReplyText ?? refused.Message}", refused);
        }
        finally
        {
            _declare.Release();
        }
    }
}
