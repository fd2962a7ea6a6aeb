namespace Hyperion.Devices.Mx.Oav;

/// <summary>Which way pin-tip detection walks the image (dodal's ScanDirections).</summary>
public enum ScanDirections
{
    /// <summary>Left to right: the pin comes in from the right and its tip is its leftmost edge.</summary>
    Forward = 1,

    /// <summary>Right to left: the pin comes in from the left and its tip is its rightmost edge.</summary>
    Reverse = -1,
}
