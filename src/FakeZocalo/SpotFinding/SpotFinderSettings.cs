namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// The spot finder's parameters, with the defaults of <c>dials.find_spots</c> for a pixel-array detector and of the
/// per-image analysis (<c>dials.find_spots_server</c>'s <c>work</c>, which Zocalo's per-image service runs).
/// </summary>
public sealed record SpotFinderSettings
{
    /// <summary>DIALS' defaults: dispersion 3,3 / 6 / 3, spots of 3..1000 pixels, max_separation 2, no resolution filter, ice rings filtered.</summary>
    public static SpotFinderSettings Default { get; } = new();

    /// <summary>The threshold's parameters.</summary>
    public DispersionSettings Dispersion { get; init; } = DispersionSettings.Default;

    /// <summary>The fewest pixels a spot may have (<c>spotfinder.filter.min_spot_size</c>; Auto is 3 for a pixel-array detector).</summary>
    public int MinSpotSize { get; init; } = 3;

    /// <summary>The most pixels a spot may have (<c>spotfinder.filter.max_spot_size</c>).</summary>
    public int MaxSpotSize { get; init; } = 1000;

    /// <summary>The largest peak-to-centroid distance in pixels (<c>spotfinder.filter.max_separation</c>); null for no limit.</summary>
    public double? MaxSeparation { get; init; } = 2;

    /// <summary>
    /// Spots whose centroid's d-spacing is below this (Å) are dropped after spot finding, as
    /// <c>dials.find_spots_server</c> filters <c>d_min</c>; null keeps them.
    /// </summary>
    public double? DMin { get; init; }

    /// <summary>
    /// Spots whose centroid's d-spacing is above this (Å) are dropped, as <c>dials.find_spots_server</c> filters
    /// <c>d_max</c> (Zocalo's CPU per-image analysis asks for 40 Å); null keeps them.
    /// </summary>
    public double? DMax { get; init; }

    /// <summary>Whether spots on ice rings are left out of <c>n_spots_no_ice</c> and the resolution estimate (<c>ice_rings.filter</c>).</summary>
    public bool FilterIce { get; init; } = true;

    /// <summary>The ice rings' full width in 1/d² (<c>ice_rings.width</c>).</summary>
    public double IceRingWidth { get; init; } = 0.004;

    /// <summary>Threads per frame (1: the calling thread; -1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for settings DIALS rejects.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dispersion);
        Dispersion.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinSpotSize);
        if (MaxSpotSize <= MinSpotSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpotSize), MaxSpotSize, $"max_spot_size must exceed min_spot_size ({MinSpotSize}).");
        }

        if (MaxSeparation is { } separation && !(separation >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSeparation), separation, "max_separation must be 0 or more.");
        }

        if (DMin is { } dMin && !(dMin > 0) || DMax is { } dMax && !(dMax > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(DMin), "Resolution limits must be positive.");
        }

        if (!(IceRingWidth > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(IceRingWidth), IceRingWidth, "The ice ring width must be positive.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 (all cores) or a positive count.");
        }
    }
}
