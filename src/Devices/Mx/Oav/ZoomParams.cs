namespace Hyperion.Devices.Mx.Oav;

/// <summary>The OAV calibration at one zoom level (dodal's ZoomParams): microns per pixel in a 1024 × 768 window.</summary>
/// <param name="MicronsPerPixelX">Microns per pixel across.</param>
/// <param name="MicronsPerPixelY">Microns per pixel down.</param>
public record ZoomParams(double MicronsPerPixelX, double MicronsPerPixelY);
