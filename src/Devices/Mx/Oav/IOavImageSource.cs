using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// Where pin-tip detection gets OAV images. dodal reads them over PVAccess (<c>pva://{prefix}PVA:ARRAY</c>), which
/// this stack does not speak, so the images come from whoever implements this (the twin, an MJPG reader, a test).
/// </summary>
public interface IOavImageSource
{
    /// <summary>
    /// The current image first, then each new one as it arrives (observe_value semantics), as 8-bit grey: a colour
    /// source converts first (OpenCV's BGR → grey weights 0.299 R + 0.587 G + 0.114 B).
    /// </summary>
    IAsyncEnumerable<Image2D<byte>> ObserveImagesAsync(CancellationToken cancellationToken = default);
}
