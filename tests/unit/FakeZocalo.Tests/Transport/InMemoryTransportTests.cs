using System.Text;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.FakeZocalo.Tests.Transport;

public sealed class InMemoryTransportTests
{
    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Default_exchange_routes_to_the_queue_named_by_the_routing_key_in_order()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q"));
        var handler = new RecordingHandler();
        for (var i = 0; i < 20; i++)
        {
            await bus.PublishAsync(string.Empty, "q", Text($"m{i}"));
        }

        await using var subscription = await bus.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions(Prefetch: 1));
        await Eventually.TrueAsync(() => handler.Received.Count == 20, "20 messages");
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), handler.Bodies);
    }

    [Fact]
    public async Task Publishing_to_a_missing_queue_is_unroutable()
    {
        await using var bus = new InMemoryTransport();
        var error = await Assert.ThrowsAsync<UnroutableMessageException>(() => bus.PublishAsync(string.Empty, "nowhere", Text("x")));
        Assert.Equal("nowhere", error.RoutingKey);
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_exchange_routes_by_pattern_and_unbound_keys_are_unroutable()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareExchangeAsync("results", ExchangeKind.Topic);
        await bus.DeclareQueueAsync(new QueueSpec("xrc.i03"));
        await bus.DeclareQueueAsync(new QueueSpec("all"));
        await bus.BindQueueAsync("xrc.i03", "results", "xrc.i03");
        await bus.BindQueueAsync("all", "results", "xrc.#");
        await bus.PublishAsync("results", "xrc.i03", Text("a"));
        await bus.PublishAsync("results", "xrc.i04.extra", Text("b"));
        Assert.Equal(1, bus.ReadyCount("xrc.i03"));
        Assert.Equal(2, bus.ReadyCount("all"));
        await Assert.ThrowsAsync<UnroutableMessageException>(() => bus.PublishAsync("results", "other", Text("c")));
    }

    [Fact]
    public async Task Redeclaring_a_queue_with_other_arguments_is_refused()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        await bus.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        var error = await Assert.ThrowsAsync<TransportException>(() => bus.DeclareQueueAsync(new QueueSpec("q", Quorum: false)));
        Assert.Contains("'q'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_lettered_messages_go_to_the_dead_letter_queue_with_their_reason()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        await bus.DeclareQueueAsync(new QueueSpec("dlq.q"));
        var handler = new RecordingHandler(_ => MessageDisposition.DeadLetter);
        await using var subscription = await bus.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions());
        await bus.PublishAsync(string.Empty, "q", Text("poison"), new Dictionary<string, object?> { ["h"] = "v" });
        await Eventually.TrueAsync(() => bus.ReadyCount("dlq.q") == 1, "a dead letter");
        var dead = new RecordingHandler();
        await using var deadSubscription = await bus.SubscribeAsync("dlq.q", dead.HandleAsync, new SubscriptionOptions());
        await Eventually.TrueAsync(() => dead.Received.Count == 1, "the dead letter delivered");
        var letter = dead.Received.Single();
        Assert.Equal("poison", letter.BodyText);
        Assert.Equal("rejected", letter.HeaderText("x-first-death-reason"));
        Assert.Equal("q", letter.HeaderText("x-first-death-queue"));
        Assert.Equal("v", letter.HeaderText("h"));
    }

    [Fact]
    public async Task A_failing_handler_gets_one_redelivery_then_the_message_is_dead_lettered()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        await bus.DeclareQueueAsync(new QueueSpec("dlq.q"));
        var deliveries = new List<bool>();
        await using var subscription = await bus.SubscribeAsync(
            "q",
            (message, _) =>
            {
                lock (deliveries)
                {
                    deliveries.Add(message.Redelivered);
                }

                throw new InvalidOperationException("handler bug");
            },
            new SubscriptionOptions());
        await bus.PublishAsync(string.Empty, "q", Text("x"));
        await Eventually.TrueAsync(() => bus.ReadyCount("dlq.q") == 1, "the dead letter");
        lock (deliveries)
        {
            Assert.Equal([false, true], deliveries);
        }
    }

    [Fact]
    public async Task Requeued_messages_come_back_first_marked_redelivered()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q"));
        var seen = 0;
        var handler = new RecordingHandler(m => Interlocked.Increment(ref seen) == 1 ? MessageDisposition.Requeue : MessageDisposition.Ack);
        await bus.PublishAsync(string.Empty, "q", Text("first"));
        await bus.PublishAsync(string.Empty, "q", Text("second"));
        await using var subscription = await bus.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions(Prefetch: 1));
        await Eventually.TrueAsync(() => handler.Received.Count == 3, "three deliveries");
        var received = handler.Received.ToArray();
        Assert.Equal(["first", "first", "second"], received.Select(m => m.BodyText));
        Assert.Equal([false, true, false], received.Select(m => m.Redelivered));
    }

    [Fact]
    public async Task Held_messages_use_prefetch_credit_until_settled()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q"));
        var handler = new RecordingHandler(_ => MessageDisposition.Hold);
        await using var subscription = await bus.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions(Prefetch: 2));
        for (var i = 0; i < 3; i++)
        {
            await bus.PublishAsync(string.Empty, "q", Text($"m{i}"));
        }

        await Eventually.TrueAsync(() => handler.Received.Count == 2, "two held deliveries");
        Assert.Equal(1, bus.ReadyCount("q"));
        await handler.Received.First().SettleAsync(MessageDisposition.Ack);
        await Eventually.TrueAsync(() => handler.Received.Count == 3, "the third delivery after one was settled");
    }

    [Fact]
    public async Task Disposing_a_consumer_requeues_what_it_held_for_the_next_consumer()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q"));
        var holder = new RecordingHandler(_ => MessageDisposition.Hold);
        var first = await bus.SubscribeAsync("q", holder.HandleAsync, new SubscriptionOptions(Prefetch: 10));
        await bus.PublishAsync(string.Empty, "q", Text("a"));
        await bus.PublishAsync(string.Empty, "q", Text("b"));
        await Eventually.TrueAsync(() => holder.Received.Count == 2, "two held");
        await first.DisposeAsync();
        Assert.Equal(2, bus.ReadyCount("q"));
        var next = new RecordingHandler();
        await using var second = await bus.SubscribeAsync("q", next.HandleAsync, new SubscriptionOptions(Prefetch: 10));
        await Eventually.TrueAsync(() => next.Received.Count == 2, "both redelivered");
        Assert.All(next.Received, m => Assert.True(m.Redelivered));
    }

    [Fact]
    public async Task Competing_consumers_share_the_messages_and_each_message_is_delivered_once()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q"));
        var a = new RecordingHandler();
        var b = new RecordingHandler();
        await using var sa = await bus.SubscribeAsync("q", a.HandleAsync, new SubscriptionOptions(Prefetch: 2));
        await using var sb = await bus.SubscribeAsync("q", b.HandleAsync, new SubscriptionOptions(Prefetch: 2));
        for (var i = 0; i < 200; i++)
        {
            await bus.PublishAsync(string.Empty, "q", Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await Eventually.TrueAsync(() => a.Received.Count + b.Received.Count == 200, "200 deliveries");
        Assert.Equal(200, a.Bodies.Concat(b.Bodies).Distinct().Count());
    }

    [Fact]
    public async Task Single_active_consumer_gets_everything_until_it_leaves_then_the_next_takes_over()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q", SingleActiveConsumer: true));
        var active = new RecordingHandler();
        var standby = new RecordingHandler();
        var first = await bus.SubscribeAsync("q", active.HandleAsync, new SubscriptionOptions(Prefetch: 5));
        await using var second = await bus.SubscribeAsync("q", standby.HandleAsync, new SubscriptionOptions(Prefetch: 5));
        for (var i = 0; i < 50; i++)
        {
            await bus.PublishAsync(string.Empty, "q", Text("x"));
        }

        await Eventually.TrueAsync(() => active.Received.Count == 50, "50 to the active consumer");
        Assert.Empty(standby.Received);
        await first.DisposeAsync();
        await bus.PublishAsync(string.Empty, "q", Text("after"));
        await Eventually.TrueAsync(() => standby.Received.Count == 1, "the standby takes over");
    }

    [Fact]
    public async Task Messages_past_their_ttl_are_dead_lettered_as_expired_instead_of_delivered()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var bus = new InMemoryTransport(time);
        await bus.DeclareQueueAsync(QueueSpec.WithDeadLetters("xrc.i03", messageTtl: TimeSpan.FromSeconds(60)));
        await bus.DeclareQueueAsync(new QueueSpec("dlq.xrc.i03"));
        await bus.PublishAsync(string.Empty, "xrc.i03", Text("old"));
        time.Advance(TimeSpan.FromSeconds(61));
        await bus.PublishAsync(string.Empty, "xrc.i03", Text("fresh"));
        var handler = new RecordingHandler();
        await using var subscription = await bus.SubscribeAsync("xrc.i03", handler.HandleAsync, new SubscriptionOptions());
        await Eventually.TrueAsync(() => handler.Received.Count == 1, "the fresh message");
        Assert.Equal("fresh", handler.Received.Single().BodyText);
        Assert.Equal(1, bus.ReadyCount("dlq.xrc.i03"));
    }

    [Fact]
    public async Task Concurrency_of_one_runs_handlers_in_queue_order_even_with_a_large_prefetch()
    {
        await using var bus = new InMemoryTransport();
        await bus.DeclareQueueAsync(new QueueSpec("q"));
        var order = new List<string>();
        var running = 0;
        var overlapped = false;
        await using var subscription = await bus.SubscribeAsync(
            "q",
            async (message, token) =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                await Task.Yield();
                lock (order)
                {
                    order.Add(message.BodyText);
                }

                Interlocked.Decrement(ref running);
                return MessageDisposition.Ack;
            },
            new SubscriptionOptions(Prefetch: 100, Concurrency: 1));
        for (var i = 0; i < 100; i++)
        {
            await bus.PublishAsync(string.Empty, "q", Text($"{i:D3}"));
        }

        await Eventually.TrueAsync(() => { lock (order) { return order.Count == 100; } }, "100 handled");
        Assert.False(overlapped);
        Assert.Equal(order.Order(StringComparer.Ordinal), order);
    }

    [Fact]
    public async Task Consuming_a_missing_queue_is_an_error_naming_it()
    {
        await using var bus = new InMemoryTransport();
        var error = await Assert.ThrowsAsync<TransportException>(() => bus.SubscribeAsync("missing", new RecordingHandler().HandleAsync, new SubscriptionOptions()));
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xrc.i03", "xrc.i03", true)]
    [InlineData("xrc.*", "xrc.i03", true)]
    [InlineData("xrc.*", "xrc.i03.a", false)]
    [InlineData("xrc.#", "xrc", true)]
    [InlineData("#", "a.b.c", true)]
    [InlineData("*.i03", "xrc.i03", true)]
    [InlineData("xrc.i04", "xrc.i03", false)]
    [InlineData("a.#.c", "a.b.b.c", true)]
    public void Topic_patterns_match_like_rabbitmq(string pattern, string key, bool matches) =>
        Assert.Equal(matches, TopicPattern.Matches(pattern, key));
}
