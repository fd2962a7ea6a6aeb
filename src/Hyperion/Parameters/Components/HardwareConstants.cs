namespace Hyperion.Cli.Parameters;

/// <summary>Hardware figures the parameters default to (mx-bluesky's HardwareConstants and HyperionConstants).</summary>
public static class HardwareConstants
{
    /// <summary>The default distance from the pin tip to the grid's start, µm.</summary>
    public const double TipOffsetUm = 0;

    /// <summary>The PandA grid scan's default run-up distance, mm.</summary>
    public const double PandaFgsRunUpDefault = 0.17;

    /// <summary>The detector distance Hyperion uses when none is given, mm.</summary>
    public const double DefaultDetectorDistanceMm = 264.5;
}
