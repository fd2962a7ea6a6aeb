using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// An OAV snapshot with a grid scan drawn on it (dodal's SnapshotWithGrid): saves the plain image, then
/// <c>{filename}_outer_overlay.png</c> with the grid's border, then <c>{filename}_grid_overlay.png</c> with the
/// border and every box.
/// </summary>
public sealed class SnapshotWithGrid : Mjpg
{
    /// <summary>Creates the device on the MJPG plugin <paramref name="prefix"/>.</summary>
    public SnapshotWithGrid(string prefix, string name = "", string xSizePv = "ArraySize1_RBV", string ySizePv = "ArraySize2_RBV", HttpClient? httpClient = null, Func<byte[], SnapshotImage>? decoder = null)
        : base(prefix, name, xSizePv, ySizePv, httpClient, decoder)
    {
        TopLeftX = Soft.SignalRW(0.0);
        TopLeftY = Soft.SignalRW(0.0);
        BoxWidth = Soft.SignalRW(0.0);
        NumBoxesX = Soft.SignalRW(0);
        NumBoxesY = Soft.SignalRW(0);
        LastPathOuter = Soft.SignalRW(string.Empty);
        LastPathFullOverlay = Soft.SignalRW(string.Empty);
        AddReadables(StandardReadableFormat.Child, TopLeftX, TopLeftY, BoxWidth, NumBoxesX, NumBoxesY, LastPathOuter, LastPathFullOverlay);
        SetName(name);
    }

    /// <summary>The grid's top-left corner, column (pixels).</summary>
    public SignalRW<double> TopLeftX { get; }

    /// <summary>The grid's top-left corner, row (pixels).</summary>
    public SignalRW<double> TopLeftY { get; }

    /// <summary>A box's side (pixels).</summary>
    public SignalRW<double> BoxWidth { get; }

    /// <summary>Boxes across.</summary>
    public SignalRW<int> NumBoxesX { get; }

    /// <summary>Boxes down.</summary>
    public SignalRW<int> NumBoxesY { get; }

    /// <summary>Where the last border-only overlay went.</summary>
    public SignalRW<string> LastPathOuter { get; }

    /// <summary>Where the last full overlay went.</summary>
    public SignalRW<string> LastPathFullOverlay { get; }

    /// <inheritdoc/>
    protected override async Task PostProcessingAsync(SnapshotImage image, CancellationToken cancellationToken)
    {
        await SaveImageAsync(image, cancellationToken).ConfigureAwait(false);
        var topLeftX = (int)await TopLeftX.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var topLeftY = (int)await TopLeftY.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var boxWidth = await BoxWidth.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var numBoxesX = await NumBoxesX.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var numBoxesY = await NumBoxesY.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var filename = await Filename.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var directory = await Directory.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        GridOverlay.AddGridBorderOverlayToImage(image, topLeftX, topLeftY, boxWidth, numBoxesX, numBoxesY);
        var outer = Path.Join(directory, $"{filename}_outer_overlay.{ImgFormat}");
        await LastPathOuter.SetAsync(outer, cancellationToken: cancellationToken).ConfigureAwait(false);
        await WritePngAsync(image, outer, cancellationToken).ConfigureAwait(false);

        // Drawn onto the same image, so the full overlay has the border too.
        GridOverlay.AddGridOverlayToImage(image, topLeftX, topLeftY, boxWidth, numBoxesX, numBoxesY);
        var full = Path.Join(directory, $"{filename}_grid_overlay.{ImgFormat}");
        await LastPathFullOverlay.SetAsync(full, cancellationToken: cancellationToken).ConfigureAwait(false);
        await WritePngAsync(image, full, cancellationToken).ConfigureAwait(false);
    }
}
