namespace Hyperion.Cli.Parameters;

/// <summary>Grid scan defaults (mx-bluesky's GridscanParamConstants).</summary>
public static class GridscanParamConstants
{
    /// <summary>The width of a pin's sample area, µm: the default grid width.</summary>
    public const double PinWidthUm = 600.0;

    /// <summary>The default grid exposure per image, seconds.</summary>
    public const double ExposureTimeS = 0.004;

    /// <summary>Whether grid scans read out only the detector's region of interest by default.</summary>
    public const bool UseRoi = true;

    /// <summary>The default grid box size, µm.</summary>
    public const double BoxWidthUm = 20.0;

    /// <summary>The first grid's omega, degrees.</summary>
    public const int Omega1 = 0;

    /// <summary>The second grid's omega, degrees.</summary>
    public const int Omega2 = 90;

    /// <summary>The PandA's run-up distance before and after each row, mm.</summary>
    public const double PandaRunUpDistanceMm = 0.2;

    /// <summary>The least total count for a Zocalo hit to be kept.</summary>
    public const int ZocaloMinTotalCountThreshold = 3;
}
