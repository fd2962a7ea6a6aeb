namespace Hyperion.Cli.Parameters;

/// <summary>Goniometer start angles (mx-bluesky's OptionalGonioAngleStarts).</summary>
public interface IOptionalGonioAngleStarts
{
    /// <summary>The omega of each grid, in whole degrees (<c>omega_starts_deg</c>; default <c>[0, 90]</c>).</summary>
    IReadOnlyList<int> OmegaStartsDeg { get; }

    /// <summary>Phi to start at, or null to leave it (<c>phi_start_deg</c>).</summary>
    double? PhiStartDeg { get; }

    /// <summary>Chi to start at, or null to leave it (<c>chi_start_deg</c>).</summary>
    double? ChiStartDeg { get; }

    /// <summary>Kappa to start at, or null to leave it (<c>kappa_start_deg</c>).</summary>
    double? KappaStartDeg { get; }
}
