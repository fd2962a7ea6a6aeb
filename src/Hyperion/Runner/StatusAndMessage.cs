using System.Text.Json.Serialization;

namespace Hyperion.Cli.Runner;

/// <summary>What every endpoint answers: <c>{"status": ..., "message": ..., "exception_type": ...}</c>.</summary>
/// <param name="Status">The status.</param>
/// <param name="Message">Why, for failures and warnings; empty otherwise.</param>
/// <param name="ExceptionType">The type of the exception behind a failure or warning, else empty.</param>
public sealed record StatusAndMessage(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message = "",
    [property: JsonPropertyName("exception_type")] string ExceptionType = "")
{
    /// <summary>A status with an optional message.</summary>
    public static StatusAndMessage Of(RunnerStatus status, string message = "") => new(status.ToString(), message);

    /// <summary>
    /// The status for <paramref name="exception"/>: Failed, with its message and type, for warnings (sample problems)
    /// too, as mx-bluesky's make_error_status_and_message; the runner only logs warnings at a lower level.
    /// </summary>
    public static StatusAndMessage FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new StatusAndMessage(nameof(RunnerStatus.Failed), exception.Message, exception.GetType().Name);
    }

    /// <summary>Whether this is <paramref name="status"/>.</summary>
    public bool Is(RunnerStatus status) => string.Equals(Status, status.ToString(), StringComparison.Ordinal);
}
