namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>The values ISPyB's enum columns allow, as its schema spells them.</summary>
public static class IspybEnums
{
    /// <summary><c>DataCollectionGroup.experimentType</c>.</summary>
    public static IReadOnlySet<string> ExperimentTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "SAD", "SAD - Inverse Beam", "OSC", "Collect - Multiwedge", "MAD", "Helical", "Multi-positional", "Mesh", "Burn",
        "MAD - Inverse Beam", "Characterization", "Dehydration", "tomo", "experiment", "EM", "PDF", "PDF+Bragg", "Bragg",
        "single particle", "Serial Fixed", "Serial Jet", "Standard", "Time Resolved", "Diamond Anvil High Pressure",
        "Custom", "XRF map", "Energy scan", "XRF spectrum", "XRF map xas", "Mesh3D", "Screening", "Still", "SSX-Chip",
        "SSX-Jet", "Metal ID",
    };

    /// <summary><c>RobotAction.actionType</c>.</summary>
    public static IReadOnlySet<string> RobotActionTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "LOAD", "UNLOAD", "DISPOSE", "STORE", "WASH", "ANNEAL", "MOSAIC", "LASER",
    };

    /// <summary><c>RobotAction.status</c>.</summary>
    public static IReadOnlySet<string> RobotActionStatuses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "SUCCESS", "ERROR", "CRITICAL", "WARNING", "EPICSFAIL", "COMMANDNOTSENT",
    };

    /// <summary><c>DataCollection.rotationAxis</c>.</summary>
    public static IReadOnlySet<string> RotationAxes { get; } = new HashSet<string>(StringComparer.Ordinal) { "Omega", "Kappa", "Phi" };
}
