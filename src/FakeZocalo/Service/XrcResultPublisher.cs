using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// Publishes results as DLS's X-ray centring service does: the workflows recipe envelope to the <c>results</c> topic
/// exchange with routing key <c>xrc.{channel}</c> and the <c>workflows-recipe: true</c> header.
/// </summary>
public sealed class XrcResultPublisher(ITransport transport, ZocaloTopology topology, bool gpu = true) : IResultPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(long dcid, long dcgid, CentringOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var message = new XrcResultsMessage(
            Guid.NewGuid(),
            dcid,
            dcgid,
            XrcResultsPayload.From(outcome),
            Gpu: gpu,
            Channel: topology.ResultsQueue,
            Exchange: ZocaloTopology.ResultsExchange);
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal) { [XrcResultsEnvelope.RecipeHeader] = true };
        return transport.PublishAsync(ZocaloTopology.ResultsExchange, topology.ResultsQueue, XrcResultsEnvelope.ToUtf8Json(message), headers, cancellationToken);
    }
}
