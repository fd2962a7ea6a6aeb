namespace Hyperion.Devices.Mx.Oav;

/// <summary>A zoom level's calibration with its beam-centre crosshair in a 1024 × 768 window (dodal's ZoomParamsCrosshair).</summary>
/// <param name="MicronsPerPixelX">Microns per pixel across.</param>
/// <param name="MicronsPerPixelY">Microns per pixel down.</param>
/// <param name="CrosshairX">The beam centre's column.</param>
/// <param name="CrosshairY">The beam centre's row.</param>
public sealed record ZoomParamsCrosshair(double MicronsPerPixelX, double MicronsPerPixelY, int CrosshairX, int CrosshairY)
    : ZoomParams(MicronsPerPixelX, MicronsPerPixelY);
