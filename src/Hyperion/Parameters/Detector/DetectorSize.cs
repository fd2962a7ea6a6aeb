namespace Hyperion.Cli.Parameters;

/// <summary>A width and height, in mm or pixels (dodal's DetectorSize).</summary>
/// <param name="Width">The width.</param>
/// <param name="Height">The height.</param>
public readonly record struct DetectorSize(double Width, double Height);
