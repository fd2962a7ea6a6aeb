using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Optics;

/// <summary>
/// The beamstop (dodal's mx_phase1 Beamstop): x, y, z motors and <see cref="SelectedPos"/>, which reads
/// DATA_COLLECTION when every axis is within tolerance of the in-beam position from the beamline parameters and
/// UNKNOWN otherwise. GDA also has high/low-resolution (identical), parked and robot-load positions; Hyperion only
/// checks the in-beam one.
/// </summary>
public sealed class Beamstop : StandardReadable
{
    private static readonly string[] Axes = ["x", "y", "z"];
    private readonly double[] _inBeamXyzMm;
    private readonly double[] _xyzToleranceMm;

    /// <summary>Creates the beamstop on <paramref name="prefix"/> (e.g. BL03I-MO-BS-01:).</summary>
    public Beamstop(string prefix, BeamlineParameters beamlineParameters, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(beamlineParameters);
        _inBeamXyzMm = [.. Axes.Select(a => beamlineParameters.GetDouble($"in_beam_{a}_STANDARD"))];
        _xyzToleranceMm = [.. Axes.Select(a => beamlineParameters.GetDouble($"bs_{a}_tolerance"))];
        XMm = new Motor(prefix + "X");
        YMm = new Motor(prefix + "Y");
        ZMm = new Motor(prefix + "Z");
        SelectedPos = Derived.SignalRW<BeamstopPositions>(GetSelectedPositionAsync, SetSelectedPositionAsync);
        AddReadables(StandardReadableFormat.Child, XMm, YMm, ZMm, SelectedPos);
        SetName(name);
    }

    /// <summary>X (mm).</summary>
    public Motor XMm { get; }

    /// <summary>Y (mm).</summary>
    public Motor YMm { get; }

    /// <summary>Z (mm).</summary>
    public Motor ZMm { get; }

    /// <summary>Where the beamstop is; setting DATA_COLLECTION moves it into the beam.</summary>
    public SignalRW<BeamstopPositions> SelectedPos { get; }

    private async Task<BeamstopPositions> GetSelectedPositionAsync(CancellationToken cancellationToken)
    {
        Motor[] axes = [XMm, YMm, ZMm];
        for (var i = 0; i < axes.Length; i++)
        {
            var position = await axes[i].UserReadback.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!IsClose(position, _inBeamXyzMm[i], _xyzToleranceMm[i]))
            {
                return BeamstopPositions.Unknown;
            }
        }

        return BeamstopPositions.DataCollection;
    }

    // Python's math.isclose(a, b, abs_tol=tolerance), with its default relative tolerance of 1e-9.
    private static bool IsClose(double a, double b, double tolerance) =>
        Math.Abs(a - b) <= Math.Max(1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)), tolerance);

    private Task SetSelectedPositionAsync(BeamstopPositions position, CancellationToken cancellationToken) =>
        position == BeamstopPositions.DataCollection
            ? Task.WhenAll(
                XMm.MoveToAsync(_inBeamXyzMm[0], cancellationToken: cancellationToken),
                YMm.MoveToAsync(_inBeamXyzMm[1], cancellationToken: cancellationToken),
                ZMm.MoveToAsync(_inBeamXyzMm[2], cancellationToken: cancellationToken))
            : throw new ArgumentException($"Cannot set beamstop to position {SignalDatatype<BeamstopPositions>.Label(position)}", nameof(position));
}
