using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OAV with its beam centre from GDA's display configuration (dodal's OAVBeamCentreFile, used on i03): the
/// crosshair at the current zoom, scaled from the 1024 × 768 window to the image and truncated to whole pixels.
/// </summary>
public sealed class OavBeamCentreFile : Oav
{
    /// <summary>Creates the OAV; see <see cref="Oav"/> for the arguments.</summary>
    public OavBeamCentreFile(
        string prefix,
        OavConfigBeamCentre config,
        string name = "",
        string mjpegPrefix = "MJPG",
        ZoomController? zoomController = null,
        int xDirection = -1,
        int yDirection = -1,
        int zDirection = 1,
        string mjpgXSizePv = "ArraySize1_RBV",
        string mjpgYSizePv = "ArraySize2_RBV",
        HttpClient? httpClient = null,
        Func<byte[], SnapshotImage>? snapshotDecoder = null)
        : base(prefix, config, string.Empty, mjpegPrefix, zoomController, xDirection, yDirection, zDirection, mjpgXSizePv, mjpgYSizePv, httpClient, snapshotDecoder)
    {
        BeamCentreI = Derived.SignalR(ct => BeamCentreAsync(0, ct));
        BeamCentreJ = Derived.SignalR(ct => BeamCentreAsync(1, ct));
        AddReadables(StandardReadableFormat.Child, BeamCentreI, BeamCentreJ);
        SetName(name);
    }

    /// <summary>The beam centre's column in the image.</summary>
    public SignalR<int> BeamCentreI { get; }

    /// <summary>The beam centre's row in the image.</summary>
    public SignalR<int> BeamCentreJ { get; }

    private async Task<int> BeamCentreAsync(int axis, CancellationToken cancellationToken)
    {
        var parameters = (ZoomParamsCrosshair)await CurrentZoomParamsAsync(cancellationToken).ConfigureAwait(false);
        var size = await Sizes[axis].GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return axis == 0
            ? (int)((double)parameters.CrosshairX * size / DefaultOavWindow.Width)
            : (int)((double)parameters.CrosshairY * size / DefaultOavWindow.Height);
    }
}
