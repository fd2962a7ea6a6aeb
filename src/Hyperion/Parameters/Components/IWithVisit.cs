namespace Hyperion.Cli.Parameters;

/// <summary>Where and for whom the experiment runs (mx-bluesky's WithVisit).</summary>
public interface IWithVisit
{
    /// <summary>The beamline, as <c>BL03I</c> (<c>beamline</c>; must match <c>BL\d{2}[BIJS]</c>; default <c>BL03I</c>).</summary>
    string Beamline { get; }

    /// <summary>The ISPyB visit, as <c>cm31105-4</c> (<c>visit</c>; required, not empty).</summary>
    string Visit { get; }

    /// <summary>Sample-to-detector distance in mm (<c>detector_distance_mm</c>; optional, above 0).</summary>
    double? DetectorDistanceMm { get; }
}
