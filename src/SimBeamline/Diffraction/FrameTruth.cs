namespace Hyperion.SimBeamline.Diffraction;

/// <summary>What went into a frame: the reflections on it and the crystal's exposure to the beam.</summary>
public sealed class FrameTruth
{
    internal FrameTruth(IReadOnlyList<PredictedReflection> reflections, double illuminatedVolume, double crystalVolume, double backgroundCounts)
    {
        Reflections = reflections;
        IlluminatedVolumeCubicMicrons = illuminatedVolume;
        CrystalVolumeCubicMicrons = crystalVolume;
        ExpectedBackgroundCounts = backgroundCounts;
    }

    /// <summary>The reflections whose spots fall on the detector, in the reflection list's (h, k, l) order.</summary>
    public IReadOnlyList<PredictedReflection> Reflections { get; }

    /// <summary>
    /// The crystal volume weighted by the beam's intensity relative to its peak (µm³): the volume that, bathed in the
    /// beam's peak intensity, would diffract as much. 0 when the crystal is out of the beam.
    /// </summary>
    public double IlluminatedVolumeCubicMicrons { get; }

    /// <summary>The crystal's volume in µm³.</summary>
    public double CrystalVolumeCubicMicrons { get; }

    /// <summary>The illuminated share of the crystal: <see cref="IlluminatedVolumeCubicMicrons"/> over its volume.</summary>
    public double IlluminatedFraction => IlluminatedVolumeCubicMicrons / CrystalVolumeCubicMicrons;

    /// <summary>The mean background counts summed over the active pixels.</summary>
    public double ExpectedBackgroundCounts { get; }
}
