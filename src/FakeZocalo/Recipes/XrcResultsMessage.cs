namespace Hyperion.FakeZocalo.Recipes;

/// <summary>
/// An X-ray centring results message as a workflows recipe envelope: the one-step recipe that routes it to
/// <c>xrc.i03</c> on the <c>results</c> exchange, the recipe parameters dodal's <c>ZocaloResults</c> reads
/// (<c>dcid</c>, <c>dcgid</c>, <c>gpu</c>), and the payload.
/// </summary>
/// <param name="RecipeId">The recipe's <c>environment.ID</c>: fixes the output bytes for a given message.</param>
/// <param name="Dcid">The data collection the results are for (<c>parameters.dcid</c>; the first grid's).</param>
/// <param name="Dcgid">The data collection group (<c>parameters.dcgid</c>).</param>
/// <param name="Payload">The results.</param>
/// <param name="Gpu">
/// <c>parameters.gpu</c>: true marks results from DLS's GPU pipeline. dodal's <c>ZocaloResults</c> drops GPU results
/// unless it was built with <c>use_gpu</c> or <c>use_cpu_and_gpu</c>, so send false to a default device.
/// </param>
/// <param name="Channel">The queue and routing key (<c>xrc.i03</c> on i03).</param>
/// <param name="Exchange">The exchange the message is published to (<c>results</c>, a topic exchange).</param>
/// <param name="Service">The recipe step's <c>service</c> name.</param>
public sealed record XrcResultsMessage(
    Guid RecipeId,
    long Dcid,
    long Dcgid,
    XrcResultsPayload Payload,
    bool Gpu = true,
    string Channel = XrcResultsEnvelope.DefaultChannel,
    string Exchange = XrcResultsEnvelope.DefaultExchange,
    string Service = XrcResultsEnvelope.DefaultService);
