using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Parameters;

/// <summary>One rotation sweep: where it starts, about which axis, how far and which way (mx-bluesky's
/// RotationScanPerSweep fields).</summary>
public interface IRotationSweep
{
    /// <summary>Sample x to move to first, µm, or null to stay (<c>x_start_um</c>).</summary>
    double? XStartUm { get; }

    /// <summary>Sample y to move to first, µm, or null to stay (<c>y_start_um</c>).</summary>
    double? YStartUm { get; }

    /// <summary>Sample z to move to first, µm, or null to stay (<c>z_start_um</c>).</summary>
    double? ZStartUm { get; }

    /// <summary>The first image's angle, degrees (<c>omega_start_deg</c>; default 0).</summary>
    double OmegaStartDeg { get; }

    /// <summary>The axis turned (<c>rotation_axis</c>; default omega).</summary>
    RotationAxis RotationAxis { get; }

    /// <summary>The sweep, degrees (<c>scan_width_deg</c>; default 360, above 0).</summary>
    double ScanWidthDeg { get; }

    /// <summary>Whether the angle increases or decreases (<c>rotation_direction</c>; default negative). See
    /// "Hyperion Coordinate Systems".</summary>
    RotationDirection RotationDirection { get; }

    /// <summary>The sweep's first frame in the whole data set (<c>nexus_vds_start_img</c>; at least 0); a multi-sweep
    /// scan sets it.</summary>
    int NexusVdsStartImg { get; }
}
