namespace Hyperion.Cli.Parameters;

/// <summary>No Hyperion plan has the name asked for (mx-bluesky's PlanNotFoundError).</summary>
public sealed class PlanNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="planName"/>.</summary>
    public PlanNotFoundException(string planName, IEnumerable<string> knownPlans)
        : base($"Experiment plan '{planName}' not found in registry; the plans are {string.Join(", ", knownPlans)}")
    {
        PlanName = planName;
    }

    /// <summary>Creates the exception.</summary>
    public PlanNotFoundException()
        : base("Experiment plan not found in registry")
    {
        PlanName = "";
    }

    /// <summary>Creates the exception with a message.</summary>
    public PlanNotFoundException(string message)
        : base(message)
    {
        PlanName = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PlanNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        PlanName = "";
    }

    /// <summary>The name asked for.</summary>
    public string PlanName { get; }
}
