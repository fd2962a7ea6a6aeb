using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.SimBeamline.Beam;

/// <summary>What the mini-aperture does to the beam where its motors stand.</summary>
/// <param name="Position">The dodal position the axes are at (within its tolerances), or null between positions.</param>
/// <param name="DiameterMicrons">The hole's diameter; infinite when the aperture is out of the beam.</param>
/// <param name="FluxFactor">The share of the unapertured flux that passes (1 out of the beam, 0 when blocked).</param>
public sealed record ApertureState(ApertureValue? Position, double DiameterMicrons, double FluxFactor)
{
    /// <summary>True when no beam passes: the aperture block, not a hole, is in the beam.</summary>
    public bool BlocksBeam => FluxFactor <= 0;
}
