namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// The OAV's optics at one zoom level, for an image of a given size: what the OAV device derives from the same
/// configuration files (microns per pixel scaled from the 1024 × 768 window, and the crosshair scaled to the image
/// and truncated to whole pixels), so the twin's image and the device's arithmetic agree.
/// </summary>
/// <param name="Level">The zoom level's key, e.g. "1.0".</param>
/// <param name="MicronsPerPixelX">Microns per image pixel across.</param>
/// <param name="MicronsPerPixelY">Microns per image pixel down.</param>
/// <param name="BeamCentreX">The column the beam (and the rotation axis) passes through.</param>
/// <param name="BeamCentreY">The row the beam passes through.</param>
public sealed record OavZoom(string Level, double MicronsPerPixelX, double MicronsPerPixelY, int BeamCentreX, int BeamCentreY);
