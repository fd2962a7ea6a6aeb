using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Beamlines;

/// <summary>The OAV image source of a beamline given none: observing says what is missing.</summary>
internal sealed class UnconfiguredOavImageSource : IOavImageSource
{
    public IAsyncEnumerable<Image2D<byte>> ObserveImagesAsync(CancellationToken cancellationToken = default) =>
        throw new UnconfiguredServiceException("pin_tip_detection", "an OAV image source (PVAccess at Diamond)");
}
