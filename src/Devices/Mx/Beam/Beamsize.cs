using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// The beam's size at the sample (dodal's i03 Beamsize): the focused beam cut down by the selected aperture, each
/// side the lesser of the beam's and the aperture's diameter. Read with the hardware during a collection, it is what
/// ISPyB records as beamSizeAtSampleX/Y.
/// </summary>
public sealed class Beamsize : StandardReadable
{
    private readonly ApertureScatterguard _apertureScatterguard;

    /// <summary>Creates the device over <paramref name="apertureScatterguard"/> (referenced, not a child).</summary>
    public Beamsize(ApertureScatterguard apertureScatterguard, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(apertureScatterguard);
        _apertureScatterguard = apertureScatterguard;
        XUm = Derived.SignalR(ct => CutByApertureAsync(BeamsizeConstants.BeamWidthUm, ct), units: "µm");
        YUm = Derived.SignalR(ct => CutByApertureAsync(BeamsizeConstants.BeamHeightUm, ct), units: "µm");
        AddReadables(StandardReadableFormat.Child, XUm, YUm);
        SetName(name);
    }

    /// <summary>The beam's width at the sample, µm.</summary>
    [DeviceChild("x_um")]
    public SignalR<double> XUm { get; }

    /// <summary>The beam's height at the sample, µm.</summary>
    [DeviceChild("y_um")]
    public SignalR<double> YUm { get; }

    private async Task<double> CutByApertureAsync(double beamUm, CancellationToken cancellationToken) =>
        Math.Min(await _apertureScatterguard.Diameter.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false), beamUm);
}
