using Hyperion.FakeZocalo.Logging;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Hyperion.FakeZocalo.Transport.RabbitMq;

/// <summary>One consumer on its own channel: delivers to the handler and acks, requeues or rejects as it answers.</summary>
internal sealed class RabbitMqSubscription(
    IChannel channel,
    string queue,
    Func<TransportMessage, CancellationToken, Task<MessageDisposition>> handler,
    ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private string? _consumerTag;

    public async Task StartAsync(string? consumerTag, CancellationToken cancellationToken)
    {
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += OnReceivedAsync;
        _consumerTag = await channel.BasicConsumeAsync(
            queue,
            autoAck: false,
            consumerTag: consumerTag ?? string.Empty,
            noLocal: false,
            exclusive: false,
            arguments: null,
            consumer: consumer,
            cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            if (_consumerTag is not null && channel.IsOpen)
            {
                await channel.BasicCancelAsync(_consumerTag);
            }
        }
        catch (AlreadyClosedException)
        {
            // The channel closed under us: the broker has already requeued what it held.
        }

        await channel.DisposeAsync();
        _stop.Dispose();
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var tag = delivery.DeliveryTag;
        var message = new TransportMessage(
            delivery.Body.ToArray(),
            RabbitMqHeaders.FromAmqp(delivery.BasicProperties.Headers),
            delivery.Exchange,
            delivery.RoutingKey,
            delivery.Redelivered,
            (disposition, token) => SettleAsync(tag, disposition, token));
        MessageDisposition disposition;
        try
        {
            disposition = await handler(message, _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Unsubscribing: leave it unacked; closing the channel requeues it.
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            disposition = DeliveryPolicy.AfterHandlerFailure(message);
            ZocaloLog.HandlerFailed(logger, exception, queue, disposition.ToString(), message.BodyText);
        }

        if (disposition != MessageDisposition.Hold)
        {
            await message.SettleAsync(disposition, CancellationToken.None);
        }
    }

    private async Task SettleAsync(ulong tag, MessageDisposition disposition, CancellationToken cancellationToken)
    {
        try
        {
            if (disposition == MessageDisposition.Ack)
            {
                await channel.BasicAckAsync(tag, multiple: false, cancellationToken);
            }
            else
            {
                await channel.BasicNackAsync(tag, multiple: false, requeue: disposition == MessageDisposition.Requeue, cancellationToken);
            }
        }
        catch (AlreadyClosedException closed)
        {
            // The delivery died with its channel; the broker redelivers it, and the handlers count frames once.
            ZocaloLog.SettleLost(logger, queue, tag, closed.Message);
        }
    }
}
