namespace Hyperion.SimBeamline.Diffraction;

/// <summary>What a renderer precomputes for one wavelength: the reflections' omega windows and the background grid.</summary>
/// <param name="Wavelength">The wavelength (Å).</param>
/// <param name="Windows">The reflections' windows.</param>
/// <param name="Background">The background per incident photon.</param>
/// <param name="SensorMu">The sensor's attenuation coefficient (mm⁻¹), null for a material without a table.</param>
internal sealed record WavelengthState(double Wavelength, EwaldWindows Windows, BackgroundModel Background, double? SensorMu);
