using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The on-axis viewing camera (dodal's OAV): camera, zoom, two snapshot takers on the MJPG plugin and the
/// calibration that turns the zoom level into microns per pixel. The calibration is read from the configuration
/// files when the device connects; microns per pixel then follow the zoom level and the image size on every read,
/// scaled from the 1024 × 768 window GDA calibrates in.
/// </summary>
public class Oav : StandardReadable
{
    /// <summary>The window size (columns, rows) the calibration files assume, as GDA does.</summary>
    public static readonly (int Width, int Height) DefaultOavWindow = (1024, 768);

    private readonly OavConfigBase _config;
    private IReadOnlyDictionary<string, ZoomParams>? _parameters;

    /// <summary>Creates the OAV on <paramref name="prefix"/> (e.g. BL03I-DI-OAV-01:); the zoom lives under the beamline's -EA-OAV-01:FZOOM:.</summary>
    public Oav(
        string prefix,
        OavConfigBase config,
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
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        var blPrefix = prefix.Split('-')[0];
        ZoomController = zoomController ?? new ZoomController($"{blPrefix}-EA-OAV-01:FZOOM:");
        Cam = new Cam($"{prefix}CAM:");
        GridSnapshot = new SnapshotWithGrid($"{prefix}{mjpegPrefix}:", string.Empty, mjpgXSizePv, mjpgYSizePv, httpClient, snapshotDecoder);
        XDirection = Soft.SignalRW(xDirection);
        YDirection = Soft.SignalRW(yDirection);
        ZDirection = Soft.SignalRW(zDirection);
        MicronsPerPixelX = Derived.SignalR(ct => MicronsPerPixelAsync(0, ct));
        MicronsPerPixelY = Derived.SignalR(ct => MicronsPerPixelAsync(1, ct));
        Snapshot = new Snapshot($"{prefix}{mjpegPrefix}:", string.Empty, mjpgXSizePv, mjpgYSizePv, httpClient, snapshotDecoder);
        AddReadables(StandardReadableFormat.Child, GridSnapshot, XDirection, YDirection, ZDirection, MicronsPerPixelX, MicronsPerPixelY, Snapshot);
        SetName(name);
    }

    /// <summary>The zoom (not read).</summary>
    public ZoomController ZoomController { get; }

    /// <summary>The camera (not read).</summary>
    public Cam Cam { get; }

    /// <summary>Snapshots with a grid overlay, on the MJPG plugin.</summary>
    public SnapshotWithGrid GridSnapshot { get; }

    /// <summary>1 or -1: 1 when the OAV's x runs the same way as motor x.</summary>
    public SignalRW<int> XDirection { get; }

    /// <summary>1 or -1: 1 when the OAV's y runs the same way as motor y.</summary>
    public SignalRW<int> YDirection { get; }

    /// <summary>1 or -1: 1 when the OAV's z runs the same way as motor z.</summary>
    public SignalRW<int> ZDirection { get; }

    /// <summary>Microns per image pixel across at the current zoom and image width.</summary>
    public SignalR<double> MicronsPerPixelX { get; }

    /// <summary>Microns per image pixel down at the current zoom and image height.</summary>
    public SignalR<double> MicronsPerPixelY { get; }

    /// <summary>Plain snapshots, on the MJPG plugin.</summary>
    public Snapshot Snapshot { get; }

    /// <summary>The image size signals (columns, rows).</summary>
    public IReadOnlyList<SignalR<int>> Sizes => [GridSnapshot.XSize, GridSnapshot.YSize];

    /// <summary>The calibration by zoom key, once connected.</summary>
    public IReadOnlyDictionary<string, ZoomParams> Parameters =>
        _parameters ?? throw new InvalidOperationException($"{Name}: the OAV configuration is read on connect; connect the device first.");

    /// <summary>The calibration at the current zoom level.</summary>
    /// <exception cref="KeyNotFoundException">The zoom level is not in the configuration.</exception>
    protected async Task<ZoomParams> CurrentZoomParamsAsync(CancellationToken cancellationToken)
    {
        var level = await ZoomController.Level.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var key = OavConfigBase.ZoomKey(level);
        return Parameters.TryGetValue(key, out var parameters)
            ? parameters
            : throw new KeyNotFoundException($"{Name}: zoom level '{level}' is not in the OAV configuration (known: {string.Join(", ", Parameters.Keys)}).");
    }

    /// <summary>The image size along <paramref name="axis"/> (0 = x, 1 = y), refusing a zero size as Python's division would.</summary>
    protected async Task<int> ImageSizeAsync(int axis, CancellationToken cancellationToken)
    {
        var signal = Sizes[axis];
        var size = await signal.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return size != 0 ? size : throw new DivideByZeroException($"{signal.Name} is 0: the OAV image size is unknown.");
    }

    /// <inheritdoc/>
    protected override async Task ConnectCoreAsync(DeviceConnectOptions options, CancellationToken cancellationToken)
    {
        _parameters = await _config.GetParametersAsync(cancellationToken).ConfigureAwait(false);
        await base.ConnectCoreAsync(options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<double> MicronsPerPixelAsync(int axis, CancellationToken cancellationToken)
    {
        var parameters = await CurrentZoomParamsAsync(cancellationToken).ConfigureAwait(false);
        var size = await ImageSizeAsync(axis, cancellationToken).ConfigureAwait(false);
        return axis == 0
            ? parameters.MicronsPerPixelX * DefaultOavWindow.Width / size
            : parameters.MicronsPerPixelY * DefaultOavWindow.Height / size;
    }
}
