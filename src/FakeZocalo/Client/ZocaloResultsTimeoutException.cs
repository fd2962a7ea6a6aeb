namespace Hyperion.FakeZocalo.Client;

/// <summary>No X-ray centring result arrived within the time allowed.</summary>
public sealed class ZocaloResultsTimeoutException(string queue, TimeSpan waited)
    : TimeoutException($"No X-ray centring result arrived on {queue} within {waited.TotalSeconds:0.#} s.")
{
    /// <summary>The queue listened on.</summary>
    public string Queue { get; } = queue;

    /// <summary>How long it waited.</summary>
    public TimeSpan Waited { get; } = waited;
}
