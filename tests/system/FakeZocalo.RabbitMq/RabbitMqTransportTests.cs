using System.Text;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.RabbitMq;

namespace Hyperion.FakeZocalo.RabbitMq.Tests;

public sealed class RabbitMqTransportTests
{
    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Zocalo_topology_declares_durable_quorum_queues_with_dead_letters_and_a_ttl_on_xrc()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var broker = await vhost.ConnectAsync();
        var topology = new ZocaloTopology();
        await topology.DeclareAsync(broker);
        await topology.DeclareAsync(broker);

        var types = await vhost.QueuesAsync("type");
        var arguments = await vhost.QueuesAsync("arguments");
        var durable = await vhost.QueuesAsync("durable");
        foreach (var queue in new[] { "processing_recipe", "per_image_analysis", "xray_centering", "xrc.i03" })
        {
            Assert.Equal("quorum", types[queue]);
            Assert.Equal("true", durable[queue]);
            Assert.Contains($"dlq.{queue}", arguments[queue], StringComparison.Ordinal);
        }

        Assert.Contains("x-message-ttl", arguments["xrc.i03"], StringComparison.Ordinal);
        Assert.Contains("60000", arguments["xrc.i03"], StringComparison.Ordinal);
        Assert.Contains("x-single-active-consumer", arguments["xray_centering"], StringComparison.Ordinal);
        var bindings = await BrokerFixture.RabbitmqctlAsync("list_bindings", "-p", vhost.Name, "--quiet", "--no-table-headers", "source_name", "destination_name", "routing_key");
        Assert.Contains("results\txrc.i03\txrc.i03", bindings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmed_publishes_arrive_with_their_headers_and_are_acked_once()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var broker = await vhost.ConnectAsync();
        await broker.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        await broker.DeclareQueueAsync(new QueueSpec("dlq.q"));
        var handler = new RecordingHandler();
        await using var subscription = await broker.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions(Prefetch: 4));
        var headers = new Dictionary<string, object?> { ["zocalo.go.user"] = "gda2", ["zocalo.go.host"] = "i03-control", ["workflows-recipe"] = true };
        for (var i = 0; i < 50; i++)
        {
            await broker.PublishAsync(string.Empty, "q", Text($"m{i}"), headers);
        }

        await Eventually.TrueAsync(() => handler.Received.Count == 50, "50 deliveries");
        Assert.Equal(50, handler.Bodies.Distinct().Count());
        var first = handler.Received.First();
        Assert.Equal("gda2", first.HeaderText("zocalo.go.user"));
        Assert.Equal("i03-control", first.HeaderText("zocalo.go.host"));
        Assert.Equal(true, first.Headers["workflows-recipe"]);
        await Eventually.TrueAsync(() => vhost.QueuesAsync("messages").Result["q"] == "0", "the queue to be empty (all acked)");
    }

    [Fact]
    public async Task Unroutable_publishes_and_redeclarations_with_other_arguments_are_typed_errors()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var broker = await vhost.ConnectAsync();
        await Assert.ThrowsAsync<UnroutableMessageException>(() => broker.PublishAsync(string.Empty, "nowhere", Text("x")));
        await broker.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        var refused = await Assert.ThrowsAsync<TransportException>(() => broker.DeclareQueueAsync(new QueueSpec("q", Quorum: false)));
        Assert.Contains("'q'", refused.Message, StringComparison.Ordinal);

        // The transport is still usable after the broker refused a declaration.
        await broker.PublishAsync(string.Empty, "q", Text("still works"));
    }

    [Fact]
    public async Task Rejected_messages_are_dead_lettered_by_the_broker()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var broker = await vhost.ConnectAsync();
        await broker.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        await broker.DeclareQueueAsync(new QueueSpec("dlq.q"));
        var handler = new RecordingHandler(_ => MessageDisposition.DeadLetter);
        await using var subscription = await broker.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions());
        await broker.PublishAsync(string.Empty, "q", Text("poison"));
        var dead = new RecordingHandler();
        await using var deadSubscription = await broker.SubscribeAsync("dlq.q", dead.HandleAsync, new SubscriptionOptions());
        await Eventually.TrueAsync(() => dead.Received.Count == 1, "the dead letter");
        Assert.Equal("poison", dead.Received.Single().BodyText);
    }

    [Fact]
    public async Task Held_messages_return_to_the_queue_when_their_consumer_goes_and_the_standby_takes_over()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var broker = await vhost.ConnectAsync();
        await broker.DeclareQueueAsync(QueueSpec.WithDeadLetters("reduce", singleActiveConsumer: true));
        var active = new RecordingHandler(_ => MessageDisposition.Hold);
        var standby = new RecordingHandler();
        var first = await broker.SubscribeAsync("reduce", active.HandleAsync, new SubscriptionOptions(Prefetch: 100, Concurrency: 1));
        await using var second = await broker.SubscribeAsync("reduce", standby.HandleAsync, new SubscriptionOptions(Prefetch: 100, Concurrency: 1));
        for (var i = 0; i < 10; i++)
        {
            await broker.PublishAsync(string.Empty, "reduce", Text($"m{i}"));
        }

        await Eventually.TrueAsync(() => active.Received.Count == 10, "ten held by the active consumer");
        Assert.Empty(standby.Received);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), active.Bodies);

        await first.DisposeAsync();
        await Eventually.TrueAsync(() => standby.Received.Count == 10, "the standby to get all ten");
        Assert.All(standby.Received, m => Assert.True(m.Redelivered));
    }

    [Fact]
    public async Task The_connection_recovers_after_the_broker_drops_it()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var broker = await RabbitMqTransport.ConnectAsync(vhost.Options with { ClientName = "recovery-" + vhost.Name });
        await broker.DeclareQueueAsync(QueueSpec.WithDeadLetters("q"));
        var handler = new RecordingHandler();
        await using var subscription = await broker.SubscribeAsync("q", handler.HandleAsync, new SubscriptionOptions());
        await broker.PublishAsync(string.Empty, "q", Text("before"));
        await Eventually.TrueAsync(() => handler.Received.Count == 1, "the first message");

        await BrokerFixture.RabbitmqctlAsync("close_all_connections", "-p", vhost.Name, "test: drop the connection");
        await broker.PublishAsync(string.Empty, "q", Text("after"));
        await Eventually.TrueAsync(() => handler.Received.Count == 2, "the message published after recovery", TimeSpan.FromSeconds(30));
        Assert.Equal(["before", "after"], handler.Bodies);
    }

    [Fact]
    public async Task Connecting_to_a_broker_that_is_not_there_fails_with_its_address_after_the_timeout()
    {
        var options = new RabbitMqOptions(new Uri("amqp://guest:secret@127.0.0.1:1/")) { ConnectTimeout = TimeSpan.FromSeconds(1) };
        var error = await Assert.ThrowsAsync<TransportException>(() => RabbitMqTransport.ConnectAsync(options));
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
