using System.Text;
using Hyperion.Cli.Callbacks.Broker;
using Hyperion.Cli.Logging;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Serialization;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.InMemory;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Tests.Callbacks.Broker;

/// <summary>Documents from Hyperion's publisher, over the in-memory broker, to the callbacks process's consumer.</summary>
public sealed class DocumentBusTests : IAsyncDisposable
{
    private readonly StringWriter _logText = new();
    private readonly LineLoggerProvider _logs;
    private readonly ILogger _log;
    private readonly InMemoryTransport _transport = new();

    public DocumentBusTests()
    {
        _logs = new LineLoggerProvider(TextWriter.Synchronized(_logText), new LogContext(), LogLevel.Debug);
        _log = _logs.CreateLogger("test");
    }

    private string Logged => _logText.ToString();

    [Fact]
    public async Task Documents_published_by_hyperion_reach_the_callbacks_process_in_order()
    {
        var documents = Enumerable.Range(0, 3).SelectMany(_ => EveryDocumentKind.Run()).ToList();
        var handler = new RecordingDocumentHandler();
        await using var publisher = await DocumentPublisher.StartAsync(_transport, _log);
        await using var consumer = await DocumentConsumer.StartAsync(_transport, handler, _log);

        foreach (var (name, document) in documents)
        {
            publisher.Callback(name, document);
        }

        await publisher.DrainAsync(CancellationToken.None);
        await handler.WaitForAsync(documents.Count);

        Assert.Equal(documents.Count, publisher.Confirmed);
        Assert.Equal(documents.Select(d => d.Name), handler.Received.Select(d => d.Name));
        Assert.Equal(documents.Select(d => DocumentJson.Serialize(d.Document)), handler.Received.Select(d => DocumentJson.Serialize(d.Document)));
        Assert.All(handler.Received, d => Assert.Equal(DocumentJson.TypeOf(d.Name), d.Document.GetType()));
        Assert.Equal(0, consumer.Rejected);
    }

    [Fact]
    public async Task A_document_is_published_to_the_documents_exchange_under_its_name_with_its_sequence_number()
    {
        await using var publisher = await DocumentPublisher.StartAsync(_transport, _log);
        await _transport.DeclareQueueAsync(new QueueSpec("stops", Quorum: false));
        await _transport.BindQueueAsync("stops", DocumentBus.Exchange, "stop");
        var seen = new TaskCompletionSource<TransportMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await _transport.SubscribeAsync(
            "stops", (message, _) => { seen.TrySetResult(message); return Task.FromResult(MessageDisposition.Ack); }, new SubscriptionOptions());

        foreach (var (name, document) in EveryDocumentKind.Run())
        {
            publisher.Callback(name, document);
        }

        await publisher.DrainAsync(CancellationToken.None);
        var stop = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DocumentBus.Exchange, stop.Exchange);
        Assert.Equal("stop", stop.RoutingKey);
        Assert.Equal(10L, DocumentMessage.SequenceOf(stop));
        Assert.Equal(publisher.Publisher, stop.HeaderText(DocumentBus.PublisherHeader));
        Assert.StartsWith("{\"name\":\"stop\",\"doc\":{", stop.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_message_is_logged_with_its_sequence_number_dead_lettered_and_consumption_goes_on()
    {
        var handler = new RecordingDocumentHandler();
        await using var publisher = await DocumentPublisher.StartAsync(_transport, _log);
        await using var consumer = await DocumentConsumer.StartAsync(_transport, handler, _log);
        var (name, document) = EveryDocumentKind.Run()[0];

        await PublishRawAsync("start", "{\"name\": \"start\", \"doc\": ", sequence: 41);
        await PublishRawAsync("start", "{\"name\": \"begin\", \"doc\": {}}", sequence: 42);
        await PublishRawAsync("start", "{\"name\": \"start\", \"doc\": {\"uid\": 7}}", sequence: 43);
        publisher.Callback(name, document);
        await publisher.DrainAsync(CancellationToken.None);
        await handler.WaitForAsync(1);

        Assert.Equal(DocumentJson.Serialize(document), DocumentJson.Serialize(Assert.Single(handler.Received).Document));
        Assert.Equal(3, consumer.Rejected);
        Assert.Equal(3, _transport.ReadyCount(DocumentBus.DeadLetterQueue));
        Assert.Contains("Rejected message #41 on hyperion.callbacks (dead-lettered): its body is not valid JSON", Logged, StringComparison.Ordinal);
        Assert.Contains("Rejected message #42 on hyperion.callbacks (dead-lettered): 'begin' is not an event-model document name", Logged, StringComparison.Ordinal);
        Assert.Contains("Rejected message #43 on hyperion.callbacks (dead-lettered): its \"doc\" is not a 'start' document", Logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_a_sequence_number_is_rejected_as_malformed()
    {
        var handler = new RecordingDocumentHandler();
        await using var consumer = await DocumentConsumer.StartAsync(_transport, handler, _log);

        await _transport.PublishAsync(DocumentBus.Exchange, "start", Encoding.UTF8.GetBytes("{}"));
        await WaitForAsync(() => consumer.Rejected == 1);

        Assert.Empty(handler.Received);
        Assert.Contains("Rejected message #? on hyperion.callbacks (dead-lettered): it has no integer 'hyperion.document_seq' header", Logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_document_is_handled_once_and_a_gap_in_the_sequence_is_logged()
    {
        var handler = new RecordingDocumentHandler();
        await using var consumer = await DocumentConsumer.StartAsync(_transport, handler, _log);
        var run = EveryDocumentKind.Run();

        await PublishAsync(run[0], sequence: 1);
        await PublishAsync(run[0], sequence: 1);
        await PublishAsync(run[1], sequence: 4);
        await handler.WaitForAsync(2);
        await WaitForAsync(() => Logged.Contains("Documents #2 to #3 from", StringComparison.Ordinal));

        Assert.Equal([DocumentName.Start, DocumentName.Descriptor], handler.Received.Select(d => d.Name));
        Assert.Contains("Skipped document #1 ('start')", Logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callback_only_queues_and_the_drain_waits_until_the_broker_confirms_every_document()
    {
        var broker = new HeldTransport(_transport);
        await using var publisher = await DocumentPublisher.StartAsync(broker, _log);

        foreach (var (name, document) in EveryDocumentKind.Run())
        {
            publisher.Callback(name, document); // returns at once although the broker is not answering
        }

        var drain = publisher.DrainAsync(CancellationToken.None);
        await broker.FirstPublishStarted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(drain.IsCompleted);
        Assert.Equal(0, publisher.Confirmed);

        broker.Release();
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(10, publisher.Confirmed);
    }

    [Fact]
    public async Task A_document_the_broker_refuses_fails_the_next_drain_naming_the_document_and_the_later_ones_are_still_published()
    {
        var broker = new RefusingTransport(_transport, refuse: "descriptor");
        await using var publisher = await DocumentPublisher.StartAsync(broker, _log);
        var run = EveryDocumentKind.Run();

        foreach (var (name, document) in run)
        {
            publisher.Callback(name, document);
        }

        var error = await Assert.ThrowsAsync<DocumentPublishFailuresException>(() => publisher.DrainAsync(CancellationToken.None));

        var failure = Assert.Single(error.Failures);
        Assert.Equal(2, failure.Sequence);
        Assert.Equal(DocumentName.Descriptor, failure.DocumentName);
        Assert.Equal(((RunStart)run[0].Document).Uid, failure.RunUid);
        Assert.IsType<TransportException>(failure.InnerException);
        Assert.Contains("Document #2 ('descriptor' of run", error.Message, StringComparison.Ordinal);
        Assert.Contains("the broker said no", error.Message, StringComparison.Ordinal);
        Assert.Contains("Could not publish document #2 ('descriptor'", Logged, StringComparison.Ordinal);
        Assert.Equal(9, publisher.Confirmed);
        await publisher.DrainAsync(CancellationToken.None); // reported once
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync();
        _logs.Dispose();
    }

    private Task PublishRawAsync(string routingKey, string body, long sequence) =>
        _transport.PublishAsync(
            DocumentBus.Exchange,
            routingKey,
            Encoding.UTF8.GetBytes(body),
            new Dictionary<string, object?>(StringComparer.Ordinal) { [DocumentBus.SequenceHeader] = sequence, [DocumentBus.PublisherHeader] = "test" });

    private Task PublishAsync((DocumentName Name, Document Document) document, long sequence)
    {
        var message = new DocumentMessage("test", sequence, document.Name, document.Document);
        return _transport.PublishAsync(DocumentBus.Exchange, document.Name.ToWireName(), message.EncodeBody(), message.Headers());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
