using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>The flux at the sample, in photons/s (dodal's Flux, i03 prefix BL03I-MO-FLUX-01:).</summary>
public sealed class Flux : StandardReadable
{
    /// <summary>Creates the device on <paramref name="prefix"/>.</summary>
    public Flux(string prefix, string name = "")
        : base(string.Empty)
    {
        FluxReading = Epics.SignalR<double>(prefix + "SAMP");
        AddReadables(StandardReadableFormat.HintedSignal, FluxReading);
        SetName(name);
    }

    /// <summary>SAMP.</summary>
    public SignalR<double> FluxReading { get; }
}
