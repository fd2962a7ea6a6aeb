namespace Hyperion.Cli.Parameters;

/// <summary>One sweep of an external load-centre-collect request (mx-bluesky's BlueAPI SingleRotationScanParams).
/// The direction is checked only when converted to the internal model.</summary>
public sealed record SingleRotationScanParams : HyperionParam
{
    /// <summary>The first image's angle (<c>omega_start_deg</c>).</summary>
    [RequiredField]
    public double OmegaStartDeg { get; init; }

    /// <summary>Phi for the sweep (<c>phi_start_deg</c>).</summary>
    [RequiredField]
    public double PhiStartDeg { get; init; }

    /// <summary>Chi for the sweep (<c>chi_start_deg</c>).</summary>
    [RequiredField]
    public double ChiStartDeg { get; init; }

    /// <summary><c>Positive</c> or <c>Negative</c> (<c>rotation_direction</c>).</summary>
    [RequiredField]
    public string RotationDirection { get; init; } = "";

    /// <summary>The sweep, degrees (<c>scan_width_deg</c>).</summary>
    [RequiredField]
    public double ScanWidthDeg { get; init; }
}
