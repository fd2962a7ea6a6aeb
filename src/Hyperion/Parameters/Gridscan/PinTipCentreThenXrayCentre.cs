namespace Hyperion.Cli.Parameters;

/// <summary>Parameters of <c>pin_tip_centre_then_xray_centre</c>: centre the pin tip optically, then detect the grids
/// and X-ray centre (mx-bluesky's PinTipCentreThenXrayCentre).</summary>
public sealed record PinTipCentreThenXrayCentre : GenericGrid;
