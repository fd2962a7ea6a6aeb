using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Beam;

/// <summary>The X-ray beam reaching the sample, before the attenuator and the sample shutter, and what shaped it.</summary>
/// <param name="Beam">The wavelength, the flux (photons/s) and the size (FWHM, µm) at the sample.</param>
/// <param name="Aperture">What the mini-aperture did.</param>
/// <param name="UndulatorFactor">The share of the peak flux the undulator's gap gives at the DCM's energy.</param>
/// <param name="RingFactor">The ring current over its full 300 mA (at most 1).</param>
public sealed record BeamAtSample(BeamGeometry Beam, ApertureState Aperture, double UndulatorFactor, double RingFactor);
