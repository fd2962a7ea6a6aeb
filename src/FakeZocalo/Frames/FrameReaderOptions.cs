using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;

namespace Hyperion.FakeZocalo.Frames;

/// <summary>
/// How a <see cref="FrameSource"/> waits for frames, and the geometry to use where a data file is read without its
/// NXmx master.
/// </summary>
public sealed record FrameReaderOptions
{
    /// <summary>The default options: wait up to a minute, looking every 100 ms, on the system clock.</summary>
    public static FrameReaderOptions Default { get; } = new();

    /// <summary>How long to wait for a file or frame that is not written yet.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often to look again while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The clock the waits run on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The detector for a data file read without a master. Null means an Eiger of the data file's size: 75 µm pixels,
    /// 250 mm away, the beam at the frame's centre, saturation 9266 counts, underload −1.
    /// </summary>
    public DetectorGeometry? Detector { get; init; }

    /// <summary>The beam for a data file read without a master. Null means 12.7 keV (0.9763 Å).</summary>
    public BeamGeometry? Beam { get; init; }

    /// <summary>
    /// The pixel mask for a data file read without a master. Null means the Eiger's module gaps
    /// (<see cref="PixelMask.EigerModuleGaps"/>); give <see cref="PixelMask.ForEiger"/> with the detector's seed for
    /// the twin's dead and noisy pixels too.
    /// </summary>
    public PixelMask? Mask { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a negative timeout or a poll interval that is not positive.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (Timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must not be negative.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be positive.");
        }
    }
}
