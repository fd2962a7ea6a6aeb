using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// Finds the pin tip in OAV images (dodal's PinTipDetection). Trigger watches images from an
/// <see cref="IOavImageSource"/> (dodal reads <c>pva://{prefix}PVA:ARRAY</c>; see <see cref="ArrayDataPv"/>) and runs
/// <see cref="MxSampleDetect"/> on each, with the tuning signals' values, until one has a tip: that tip and its edges
/// become the triggered values. An image without a tip (an <see cref="InvalidPinException"/>) is skipped for the
/// next. dodal also skips an image whose processing raises anything else; here that fails the trigger, so that a
/// broken image source is not mistaken for an empty loop.
/// When none is found within <see cref="ValidityTimeout"/> seconds (or the source ends), the triggered tip becomes
/// <see cref="InvalidPosition"/>, the edges empty, and the trigger still succeeds.
/// </summary>
public sealed class PinTipDetection : StandardReadable, ITriggerable
{
    private readonly IOavImageSource _images;
    private readonly TimeProvider _time;
    private readonly Action<int[]> _setTip;
    private readonly Action<int[]> _setTop;
    private readonly Action<int[]> _setBottom;

    /// <summary>Creates the detector for the OAV at <paramref name="prefix"/> (e.g. BL03I-DI-OAV-01:).</summary>
    public PinTipDetection(string prefix, IOavImageSource images, string name = "", TimeProvider? timeProvider = null)
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(images);
        _images = images;
        _time = timeProvider ?? TimeProvider.System;
        ArrayDataPv = $"pva://{prefix}PVA:ARRAY";
        (TriggeredTip, _setTip) = Soft.SignalRAndSetter<int[]>([]);
        (TriggeredTopEdge, _setTop) = Soft.SignalRAndSetter<int[]>([]);
        (TriggeredBottomEdge, _setBottom) = Soft.SignalRAndSetter<int[]>([]);
        PreprocessOperation = Soft.SignalRW(10);
        PreprocessKsize = Soft.SignalRW(5);
        PreprocessIterations = Soft.SignalRW(5);
        CannyUpperThreshold = Soft.SignalRW(100);
        CannyLowerThreshold = Soft.SignalRW(50);
        CloseKsize = Soft.SignalRW(5);
        CloseIterations = Soft.SignalRW(5);
        ScanDirection = Soft.SignalRW((int)ScanDirections.Forward);
        MinTipHeight = Soft.SignalRW(5);
        ValidityTimeout = Soft.SignalRW(5.0);
        AddReadables(StandardReadableFormat.HintedSignal, TriggeredTip, TriggeredTopEdge, TriggeredBottomEdge);
        SetName(name);
    }

    /// <summary>The triggered tip when none was found: [int.MinValue, int.MinValue].</summary>
    public static IReadOnlyList<int> InvalidPosition { get; } = [int.MinValue, int.MinValue];

    /// <summary>The PVAccess image dodal reads (not read here; for an image source to use).</summary>
    public string ArrayDataPv { get; }

    /// <summary>The tip found by the last trigger, [x, y] in pixels.</summary>
    public SignalR<int[]> TriggeredTip { get; }

    /// <summary>The top edge's row per column at the last trigger (-1: none).</summary>
    public SignalR<int[]> TriggeredTopEdge { get; }

    /// <summary>The bottom edge's row per column at the last trigger (-1: none).</summary>
    public SignalR<int[]> TriggeredBottomEdge { get; }

    /// <summary>The preprocessing operation (<see cref="ArrayProcessing.Functions"/>; 10 = identity).</summary>
    public SignalRW<int> PreprocessOperation { get; }

    /// <summary>The preprocessing kernel size.</summary>
    public SignalRW<int> PreprocessKsize { get; }

    /// <summary>The preprocessing iterations.</summary>
    public SignalRW<int> PreprocessIterations { get; }

    /// <summary>Canny's upper threshold.</summary>
    public SignalRW<int> CannyUpperThreshold { get; }

    /// <summary>Canny's lower threshold.</summary>
    public SignalRW<int> CannyLowerThreshold { get; }

    /// <summary>The closing kernel size.</summary>
    public SignalRW<int> CloseKsize { get; }

    /// <summary>The closing iterations.</summary>
    public SignalRW<int> CloseIterations { get; }

    /// <summary>0 scans forward; anything else (the default, 1, included) scans in reverse, as in dodal.</summary>
    public SignalRW<int> ScanDirection { get; }

    /// <summary>The least edge separation, in pixels, that counts as sample.</summary>
    public SignalRW<int> MinTipHeight { get; }

    /// <summary>How long, in seconds, a trigger looks for a tip.</summary>
    public SignalRW<double> ValidityTimeout { get; }

    /// <summary>Looks for the tip.</summary>
    public Status Trigger() => new(TriggerAsync(), this);

    /// <summary>Looks for the tip until one is found or the validity time-out passes.</summary>
    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        var timeout = await ValidityTimeout.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeout), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (await SetTriggeredTipAsync(linked.Token).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        _setTip([.. InvalidPosition]);
        _setBottom([]);
        _setTop([]);
    }

    /// <summary>Runs detection on one image with the current tuning (dodal's _get_tip_and_edge_data).</summary>
    public async Task<SampleLocation> GetTipAndEdgeDataAsync(Image2D<byte> image, CancellationToken cancellationToken = default)
    {
        var key = await PreprocessOperation.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var iterations = await PreprocessIterations.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var ksize = await PreprocessKsize.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // An unknown operation falls back to the identity, as dodal's does.
        var preprocess = ArrayProcessing.Functions.TryGetValue(key, out var factory) ? factory(iterations, ksize) : ArrayProcessing.Identity;
        var direction = await ScanDirection.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == 0
            ? ScanDirections.Forward
            : ScanDirections.Reverse;
        var detect = new MxSampleDetect(
            preprocess,
            await CannyLowerThreshold.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false),
            await CannyUpperThreshold.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false),
            await CloseKsize.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false),
            await CloseIterations.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false),
            direction,
            await MinTipHeight.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        return detect.ProcessArray(image);
    }

    private async Task<bool> SetTriggeredTipAsync(CancellationToken cancellationToken)
    {
        await foreach (var image in _images.ObserveImagesAsync(cancellationToken).ConfigureAwait(false))
        {
            var location = await GetTipAndEdgeDataAsync(image, cancellationToken).ConfigureAwait(false);
            try
            {
                SetTriggeredValues(location);
                return true;
            }
            catch (InvalidPinException)
            {
                // No tip in this image: try the next.
            }
        }

        return false;
    }

    private void SetTriggeredValues(SampleLocation location)
    {
        if (location is not { TipX: { } x, TipY: { } y })
        {
            throw new InvalidPinException();
        }

        _setTip([x, y]);
        _setTop(location.EdgeTop);
        _setBottom(location.EdgeBottom);
    }
}
