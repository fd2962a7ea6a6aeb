namespace Hyperion.SimBeamline.Diffraction;

/// <summary>The beam's intensity across x and y (it is taken as constant along the beam).</summary>
public enum BeamProfile
{
    /// <summary>A 2D Gaussian whose full widths at half maximum are the beam's SizeX and SizeY.</summary>
    Gaussian,

    /// <summary>A uniform rectangle SizeX × SizeY (a slit-defined beam), nothing outside it.</summary>
    FlatTop,
}
