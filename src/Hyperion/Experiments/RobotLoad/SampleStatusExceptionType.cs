namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>What kind of failure a sample's status records (mx-bluesky's SampleStatusExceptionType).</summary>
public enum SampleStatusExceptionType
{
    /// <summary>The beamline failed ("Beamline").</summary>
    Beamline,

    /// <summary>The sample was bad ("Sample").</summary>
    Sample,
}
