namespace Hyperion.Cli.Parameters;

/// <summary>Parameters of <c>grid_detect_then_xray_centre</c>: find the grids from the OAV's edges at two omegas, then
/// X-ray centre (mx-bluesky's GridScanWithEdgeDetect).</summary>
public sealed record GridScanWithEdgeDetect : GenericGrid;
