using Hyperion.Cli.Experiments.PinTip;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;

namespace Hyperion.Cli.Experiments.GridDetection;

/// <summary>
/// Turns the grid snapshot events into the 3D grid (mx-bluesky's GridDetectionCallback): the snapshot at omega ≈ 0
/// gives x/y, the one at ≈ 270 gives x/z. Each event names its values by the devices' names (dodal's
/// <c>oav-grid_snapshot-top_left_x</c>, <c>gonio-x</c>...), so the callback is made for the OAV and goniometer whose
/// reads it gets.
/// </summary>
public sealed class GridDetectionCallback
{
    /// <summary>How close to 0 or 270 an omega must be, degrees.</summary>
    public const double OmegaTolerance = 1;

    private readonly Keys _keys;
    private double _startX;
    private double _startY;
    private double _startZ;
    private int _boxesX;
    private int _boxesY;
    private int _boxesZ;
    private double _xStepSizeUm;
    private double _yStepSizeUm;
    private double _zStepSizeUm;

    /// <summary>A callback reading the snapshots of <paramref name="oav"/> at the positions of <paramref name="gonio"/>.</summary>
    public GridDetectionCallback(OavBeamCentreFile oav, Smargon gonio)
    {
        ArgumentNullException.ThrowIfNull(oav);
        ArgumentNullException.ThrowIfNull(gonio);
        _keys = new Keys(oav, gonio);
    }

    /// <summary>Feeds a document (subscribe this to the RunEngine around grid detection); only events are read.</summary>
    /// <exception cref="GridDetectionEventException">An event lacks a value.</exception>
    /// <exception cref="GridDetectionAngleException">An event is at an omega other than 0 or 270.</exception>
    public void OnDocument(DocumentName name, Document document)
    {
        if (document is Event e)
        {
            OnEvent(e);
        }
    }

    /// <summary>The grids seen so far (mx-bluesky's get_grid_parameters): both grids share x.</summary>
    public GridParamUpdate GetGridParameters() => new(
        _startX,
        [_startY, _startY],
        [_startZ, _startZ],
        _boxesX,
        [_boxesY, _boxesZ],
        _xStepSizeUm,
        [_yStepSizeUm, _zStepSizeUm]);

    private void OnEvent(Event e)
    {
        var data = e.Data;
        var topLeftX = Number(data, _keys.TopLeftX);
        var boxWidth = Number(data, _keys.BoxWidth);
        var topLeftY = Number(data, _keys.TopLeftY);
        var centreOfFirstBox = (topLeftX + (boxWidth / 2), topLeftY + (boxWidth / 2));
        var omegaPhase = Number(data, _keys.OmegaPhase);
        double[] current = [Number(data, _keys.X), Number(data, _keys.Y), Number(data, _keys.Z)];
        var micronsX = Number(data, _keys.MicronsPerPixelX);
        var micronsY = Number(data, _keys.MicronsPerPixelY);
        var beam = (Number(data, _keys.BeamCentreI), Number(data, _keys.BeamCentreJ));
        var directions = ((int)Number(data, _keys.XDirection), (int)Number(data, _keys.YDirection), (int)Number(data, _keys.ZDirection));

        var startMm = OavCalculations.CalculateXyzOfPixel(current, omegaPhase, centreOfFirstBox, beam, (micronsX, micronsY), directions);

        if (Math.Abs(omegaPhase) < OmegaTolerance)
        {
            _startX = startMm[0] * 1000;
            _startY = startMm[1] * 1000;
            _boxesX = (int)Number(data, _keys.NumBoxesX);
            _boxesY = (int)Number(data, _keys.NumBoxesY);
        }
        else if (Math.Abs(omegaPhase - 270) < OmegaTolerance)
        {
            _startX = startMm[0] * 1000;
            _startZ = startMm[2] * 1000;
            _boxesX = (int)Number(data, _keys.NumBoxesX);
            _boxesZ = (int)Number(data, _keys.NumBoxesY);
        }
        else
        {
            throw new GridDetectionAngleException(omegaPhase);
        }

        _xStepSizeUm = boxWidth * micronsX;
        _yStepSizeUm = boxWidth * micronsY;
        _zStepSizeUm = boxWidth * micronsY;
    }

    private static double Number(Dictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value) && value is not null
            ? PlanValues.AsDouble(value is Reading reading ? reading.Value : value)
            : throw new GridDetectionEventException($"The grid snapshot event has no '{key}'.");

    private sealed class Keys(OavBeamCentreFile oav, Smargon gonio)
    {
        public string TopLeftX { get; } = oav.GridSnapshot.TopLeftX.Name;

        public string TopLeftY { get; } = oav.GridSnapshot.TopLeftY.Name;

        public string BoxWidth { get; } = oav.GridSnapshot.BoxWidth.Name;

        public string NumBoxesX { get; } = oav.GridSnapshot.NumBoxesX.Name;

        public string NumBoxesY { get; } = oav.GridSnapshot.NumBoxesY.Name;

        public string MicronsPerPixelX { get; } = oav.MicronsPerPixelX.Name;

        public string MicronsPerPixelY { get; } = oav.MicronsPerPixelY.Name;

        public string BeamCentreI { get; } = oav.BeamCentreI.Name;

        public string BeamCentreJ { get; } = oav.BeamCentreJ.Name;

        public string XDirection { get; } = oav.XDirection.Name;

        public string YDirection { get; } = oav.YDirection.Name;

        public string ZDirection { get; } = oav.ZDirection.Name;

        public string OmegaPhase { get; } = gonio.WrappedOmega.Phase.Name;

        public string X { get; } = gonio.X.Name;

        public string Y { get; } = gonio.Y.Name;

        public string Z { get; } = gonio.Z.Name;
    }
}
