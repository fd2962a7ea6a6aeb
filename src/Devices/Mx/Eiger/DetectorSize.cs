namespace Hyperion.Devices.Mx.Eiger;

/// <summary>A width and height, in pixels or in millimetres (dodal's DetectorSize).</summary>
/// <param name="Width">The width.</param>
/// <param name="Height">The height.</param>
public readonly record struct DetectorSize(double Width, double Height);
