using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Logging;

/// <summary>Operator alerts as warning lines prefixed <c>***ALERT***</c>, which the log's watchers forward.</summary>
public sealed partial class LogOperatorAlerts(ILogger<LogOperatorAlerts> logger) : IOperatorAlerts
{
    /// <summary>The prefix of every alert line.</summary>
    public const string Prefix = "***ALERT***";

    /// <inheritdoc/>
    public void Raise(string summary, string content)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(content);
        Alert(logger, Prefix, summary, content);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Prefix} summary={Summary} content={Content}")]
    private static partial void Alert(ILogger logger, string prefix, string summary, string content);
}
