namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// The parameters of DIALS' "dispersion" threshold (<c>spotfinder.threshold.dispersion.*</c>), with DIALS' defaults.
/// The kernel is (2·<see cref="KernelHalfWidth"/> + 1) × (2·<see cref="KernelHalfHeight"/> + 1) pixels centred on
/// each pixel and clipped at the image's edges.
/// </summary>
public sealed record DispersionSettings
{
    /// <summary>DIALS' defaults: kernel 3,3, sigma_background 6, sigma_strong 3, global_threshold 0, min_local 2.</summary>
    public static DispersionSettings Default { get; } = new();

    /// <summary>Half the kernel's width (<c>kernel_size</c>'s second value).</summary>
    public int KernelHalfWidth { get; init; } = 3;

    /// <summary>Half the kernel's height (<c>kernel_size</c>'s first value).</summary>
    public int KernelHalfHeight { get; init; } = 3;

    /// <summary>Standard deviations of the index of dispersion below which a pixel is background (<c>sigma_background</c>).</summary>
    public double SigmaBackground { get; init; } = 6;

    /// <summary>Standard deviations above the local mean a strong pixel must reach (<c>sigma_strong</c>).</summary>
    public double SigmaStrong { get; init; } = 3;

    /// <summary>Counts a strong pixel must exceed (<c>global_threshold</c>).</summary>
    public double GlobalThreshold { get; init; }

    /// <summary>The fewest valid pixels under the kernel for a pixel to be judged (<c>min_local</c>; 0 or less means the whole kernel).</summary>
    public int MinLocal { get; init; } = 2;

    /// <summary>The kernel's pixel count.</summary>
    public int KernelPixels => ((2 * KernelHalfWidth) + 1) * ((2 * KernelHalfHeight) + 1);

    /// <summary>The minimum count DIALS applies: <see cref="MinLocal"/>, or the whole kernel when it is 0 or less.</summary>
    public int EffectiveMinLocal => MinLocal <= 0 ? KernelPixels : MinLocal;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for settings DIALS rejects.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KernelHalfWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KernelHalfHeight);
        if (!(SigmaBackground >= 0) || !(SigmaStrong >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(SigmaBackground), "sigma_background and sigma_strong must be 0 or more.");
        }

        if (!(GlobalThreshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(GlobalThreshold), GlobalThreshold, "global_threshold must be 0 or more.");
        }

        if (MinLocal > 0 && (MinLocal < 2 || MinLocal > KernelPixels))
        {
            throw new ArgumentOutOfRangeException(nameof(MinLocal), MinLocal, $"min_local must be 2..{KernelPixels} (or 0 or less for the whole kernel).");
        }
    }
}
