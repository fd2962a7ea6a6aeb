namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// What pin-tip detection found (dodal's SampleLocation): the tip, or nulls when there was none, and per image
/// column the row of the sample's top and bottom edge (-1 where there is no edge, and beyond the tip).
/// </summary>
/// <param name="TipX">The tip's column, or null.</param>
/// <param name="TipY">The tip's row, or null.</param>
/// <param name="EdgeTop">The top edge's row in each column.</param>
/// <param name="EdgeBottom">The bottom edge's row in each column.</param>
public sealed record SampleLocation(int? TipX, int? TipY, int[] EdgeTop, int[] EdgeBottom);
