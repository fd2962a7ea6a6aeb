namespace Hyperion.Cli.Logging;

/// <summary>Alerts for the beamline operator (mx-bluesky's alert service): the log's <c>***ALERT***</c> lines.</summary>
public interface IOperatorAlerts
{
    /// <summary>Raises an alert with a one-line <paramref name="summary"/> and its <paramref name="content"/>.</summary>
    void Raise(string summary, string content);
}
