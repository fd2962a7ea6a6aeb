namespace Hyperion.Cli.Parameters;

/// <summary>A PandA grid scan was asked for with an odd number of rows in its first grid, which it cannot do
/// (mx-bluesky's OddYStepsError).</summary>
public sealed class OddYStepsException : Exception
{
    /// <summary>Creates the exception for <paramref name="ySteps"/> rows.</summary>
    public OddYStepsException(int ySteps)
        : base($"The number of Y steps must be even for a PandA gridscan (got {ySteps})")
    {
        YSteps = ySteps;
    }

    /// <summary>Creates the exception.</summary>
    public OddYStepsException()
        : base("The number of Y steps must be even for a PandA gridscan")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OddYStepsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public OddYStepsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The rows asked for.</summary>
    public int YSteps { get; }
}
