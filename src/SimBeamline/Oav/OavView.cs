using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Oav;

/// <summary>What the OAV looks at: the smargon's x, y, z (mm) and omega (degrees) readbacks, the zoom, and whether the backlight shines.</summary>
/// <param name="StageMm">The smargon's x, y, z readbacks in mm.</param>
/// <param name="OmegaDegrees">The smargon's omega readback in degrees.</param>
/// <param name="Zoom">The optics at the current zoom level.</param>
/// <param name="Illuminated">True when the backlight is in and on; otherwise the image is dark.</param>
public sealed record OavView(Vector3D StageMm, double OmegaDegrees, OavZoom Zoom, bool Illuminated);
