using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Devices.Beamlines;

/// <summary>
/// What some devices need beyond PVs: where zocalo results come from (the zocalo transport) and where OAV images
/// come from (PVAccess at Diamond). Left unset, those devices fail with a clear error when first used.
/// </summary>
public sealed record BeamlineServices
{
    /// <summary>Zocalo results for the zocalo device.</summary>
    public IZocaloResultsSource? ZocaloResults { get; init; }

    /// <summary>How long the zocalo device waits for results; null for dodal's 180 s.</summary>
    public TimeSpan? ZocaloTimeout { get; init; }

    /// <summary>OAV images for pin-tip detection.</summary>
    public IOavImageSource? OavImages { get; init; }
}
