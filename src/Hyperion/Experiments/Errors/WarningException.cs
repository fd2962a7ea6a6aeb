namespace Hyperion.Cli.Experiments.Errors;

/// <summary>
/// A problem to warn the operator (GDA) about while unattended collection carries on with the next sample
/// (mx-bluesky's WarningError): the runner reports it as status <c>Warn</c>.
/// </summary>
public class WarningException : Exception
{
    /// <summary>A warning with <paramref name="message"/>.</summary>
    public WarningException(string message)
        : base(message)
    {
    }

    /// <summary>A warning with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public WarningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
