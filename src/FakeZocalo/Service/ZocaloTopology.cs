using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// The queues and exchanges as Zocalo declares them: durable quorum queues dead-lettering to <c>dlq.{queue}</c>,
/// the <c>results</c> topic exchange bound to <c>xrc.{channel}</c> whose messages live 60 s, and the service's
/// internal queues for per-image work and the reducer.
/// </summary>
public sealed record ZocaloTopology
{
    /// <summary>Where Hyperion sends start and end messages (through the default exchange).</summary>
    public const string ProcessingRecipe = "processing_recipe";

    /// <summary>The topic exchange results are published to.</summary>
    public const string ResultsExchange = "results";

    /// <summary>One message per frame to analyse, shared by competing workers.</summary>
    public const string PerImageAnalysis = "per_image_analysis";

    /// <summary>Per-image results and collection events, consumed by one active reducer at a time.</summary>
    public const string XrayCentring = "xray_centering";

    /// <summary>The results channel, e.g. <c>i03</c> for routing key <c>xrc.i03</c>.</summary>
    public string Channel { get; init; } = "i03";

    /// <summary>How long a result waits on <c>xrc.*</c> before it expires.</summary>
    public TimeSpan ResultTtl { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The results routing key and queue, <c>xrc.{channel}</c>.</summary>
    public string ResultsQueue => "xrc." + Channel;

    /// <summary>The queues this topology declares, dead-letter queues included.</summary>
    public IReadOnlyList<QueueSpec> Queues =>
    [
        QueueSpec.WithDeadLetters(ProcessingRecipe, singleActiveConsumer: true),
        QueueSpec.WithDeadLetters(PerImageAnalysis),
        QueueSpec.WithDeadLetters(XrayCentring, singleActiveConsumer: true),
        QueueSpec.WithDeadLetters(ResultsQueue, messageTtl: ResultTtl),
        new("dlq." + ProcessingRecipe),
        new("dlq." + PerImageAnalysis),
        new("dlq." + XrayCentring),
        new("dlq." + ResultsQueue),
    ];

    /// <summary>Declares everything (idempotent); every worker does this on start.</summary>
    public async Task DeclareAsync(ITransport transport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        foreach (var queue in Queues)
        {
            await transport.DeclareQueueAsync(queue, cancellationToken);
        }

        await transport.DeclareExchangeAsync(ResultsExchange, ExchangeKind.Topic, cancellationToken);
        await transport.BindQueueAsync(ResultsQueue, ResultsExchange, ResultsQueue, cancellationToken);
    }
}
