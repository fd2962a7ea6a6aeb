using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;

namespace Hyperion.Cli.Experiments.Gridscan;

/// <summary>
/// The X-ray centring results as something the RunEngine can read into an event: one data key,
/// <c>xray_centre_results</c>, holding the results as the run metadata does.
/// </summary>
/// <param name="Results">The results, each as <c>XRayCentreResult.ToMetadata()</c> gives it.</param>
/// <param name="Timestamp">When they were obtained (Unix seconds).</param>
public sealed record XrcResultsReadable(IReadOnlyList<Dictionary<string, object?>> Results, double Timestamp) : IReadable
{
    /// <summary>The data key.</summary>
    public const string Key = PlanNames.FlyscanResults;

    /// <inheritdoc/>
    public string Name => Key;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyDictionary<string, Reading>>(
            new Dictionary<string, Reading>(StringComparer.Ordinal) { [Key] = new Reading(Results.ToList(), Timestamp) });

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyDictionary<string, DataKey>>(
            new Dictionary<string, DataKey>(StringComparer.Ordinal)
            {
                [Key] = new DataKey { Dtype = "array", Shape = [Results.Count], Source = "xrc_results_utils" },
            });
}
