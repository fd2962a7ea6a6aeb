using System.Globalization;
using Hyperion.Cli.Experiments.PinTip;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.GridDetection;

/// <summary>
/// Grid detection (mx-bluesky's oav_grid_detection_plan): at omega 0 and −90, draws a grid over the pin from the
/// tip along <c>grid_width</c>, as tall as the pin's top and bottom edges, and takes a snapshot with it. Each snapshot
/// is an event in <see cref="DescriptorNames.OavGridSnapshotTriggered"/> holding the OAV's and the goniometer's
/// reads, which <see cref="GridDetectionCallback"/> turns into the grids and the ISPyB callback records.
/// </summary>
public static class OavGridDetectionPlan
{
    /// <summary>The edge value that means no edge was found in a column (dodal's NONE_VALUE).</summary>
    public const int NoneValue = -1;

    /// <summary>
    /// The least and greatest row covering the whole pin: columns without an edge, or whose edge is the image's
    /// border, are left out; with none left, the full image height.
    /// </summary>
    public static (int MinY, int MaxY) GetMinAndMaxYOfPin(IReadOnlyList<int> top, IReadOnlyList<int> bottom, int fullImageHeightPx)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(bottom);
        var filteredTop = top.Where(t => t != 0 && t != NoneValue).ToList();
        var filteredBottom = bottom.Where(b => b != fullImageHeightPx && b != NoneValue).ToList();
        return (filteredTop.Count > 0 ? filteredTop.Min() : 0, filteredBottom.Count > 0 ? filteredBottom.Max() : fullImageHeightPx);
    }

    /// <summary>
    /// 0 and −90, nearest first: the grid scan needs both, but detection may do them in either order.
    /// </summary>
    public static async Plan<IReadOnlyList<int>> OptimumGridDetectAngles(Smargon smargon)
    {
        ArgumentNullException.ThrowIfNull(smargon);
        var offsetAndPhase = PlanValues.AsDoubles(await Stubs.Rd(smargon.WrappedOmega));
        var phase = offsetAndPhase.Length >= 2 ? offsetAndPhase[1] : 0;
        return PhaseDistance(phase, -90) < PhaseDistance(phase, 0) ? [-90, 0] : [0, -90];
    }

    /// <summary>The shortest angle between <paramref name="phase"/> and <paramref name="other"/>, degrees (dodal's AngleWithPhase.phase_distance).</summary>
    public static double PhaseDistance(double phase, double other)
    {
        var distance = Math.Abs((((phase - other) % 360) + 360) % 360);
        return Math.Min(distance, 360 - distance);
    }

    /// <summary>
    /// Sets the OAV up, then at each angle finds the tip and the pin's edges, draws the grid (x from the tip for
    /// <paramref name="gridWidthMicrons"/>, y over the pin; an odd row count at omega 0 gets an extra row, half above
    /// and half below, for the PandA's snake) and takes the snapshot named <paramref name="snapshotTemplate"/> with
    /// <c>{angle}</c> the angle's size, into <paramref name="snapshotDir"/>.
    /// </summary>
    /// <exception cref="Errors.WarningException">No tip was found at an angle.</exception>
    public static async Plan GridDetectionPlan(
        OavBeamCentreFile oav,
        Smargon smargon,
        PinTipDetection pinTipDetection,
        OavCentringParameters parameters,
        string snapshotTemplate,
        string snapshotDir,
        double gridWidthMicrons,
        double boxSizeUm)
    {
        ArgumentNullException.ThrowIfNull(oav);
        ArgumentNullException.ThrowIfNull(smargon);
        ArgumentNullException.ThrowIfNull(pinTipDetection);
        ArgumentNullException.ThrowIfNull(snapshotTemplate);
        await Stubs.Wait();
        await OavSetup.PreCentringSetupOav(oav, parameters, pinTipDetection);

        var micronsPerPixelX = PlanValues.AsDouble(await Stubs.Rd(oav.MicronsPerPixelX), 1);
        var micronsPerPixelY = PlanValues.AsDouble(await Stubs.Rd(oav.MicronsPerPixelY), 1);
        var boxSizeXPixels = boxSizeUm / micronsPerPixelX;
        var boxSizeYPixels = boxSizeUm / micronsPerPixelY;
        var gridWidthPixels = (int)(gridWidthMicrons / micronsPerPixelX);

        foreach (var angle in await OptimumGridDetectAngles(smargon))
        {
            await Stubs.Mv(smargon.WrappedOmega.Phase, (double)angle);

            // The OAV image needs time to update (mx-bluesky issue 416).
            await Stubs.Sleep(PinTipCentringPlan.OavRefreshDelay);
            var (tipX, _) = await OavCalculations.WaitForTipToBeFoundOrWarn(pinTipDetection);

            var topEdge = PlanValues.AsInts(await Stubs.Rd(pinTipDetection.TriggeredTopEdge));
            var bottomEdge = PlanValues.AsInts(await Stubs.Rd(pinTipDetection.TriggeredBottomEdge));
            var fullImageHeightPx = (int)PlanValues.AsDouble(await Stubs.Rd(oav.Cam.ArraySizeY));

            // Only the pin from its tip on.
            var (minYPx, maxYPx) = GetMinAndMaxYOfPin(Slice(topEdge, tipX, gridWidthPixels), Slice(bottomEdge, tipX, gridWidthPixels), fullImageHeightPx);
            double minY = minYPx;
            double maxY = maxYPx;
            var gridHeightPx = maxY - minY;
            var ySteps = (int)Math.Ceiling(gridHeightPx / boxSizeYPixels);

            // The PandA cannot run half a snake, so the first grid gets an even number of rows.
            if (ySteps % 2 != 0 && angle == 0)
            {
                ySteps++;
                minY -= boxSizeYPixels / 2;
                maxY += boxSizeYPixels / 2;
                gridHeightPx += boxSizeYPixels;
            }

            var xSteps = (int)Math.Ceiling(gridWidthPixels / boxSizeXPixels);
            var snapshot = oav.GridSnapshot;
            await Stubs.AbsSet(snapshot.TopLeftX, (double)tipX);
            await Stubs.AbsSet(snapshot.TopLeftY, minY);
            await Stubs.AbsSet(snapshot.BoxWidth, boxSizeXPixels);
            await Stubs.AbsSet(snapshot.NumBoxesX, xSteps);
            await Stubs.AbsSet(snapshot.NumBoxesY, ySteps);
            await Stubs.AbsSet(snapshot.Filename, SnapshotFilename(snapshotTemplate, angle));
            await Stubs.AbsSet(snapshot.Directory, snapshotDir);
            await Stubs.Trigger(snapshot, wait: true);
            await Stubs.Create(DescriptorNames.OavGridSnapshotTriggered);
            await Stubs.Read(oav);
            await Stubs.Read(smargon);
            await Stubs.Save();
        }
    }

    /// <summary><paramref name="template"/> with <c>{angle}</c> replaced by the angle's size (0 or 90).</summary>
    public static string SnapshotFilename(string template, int angle)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Replace("{angle}", Math.Abs(angle).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Python's <c>edge[start:start + length]</c>: clamped to the array, a negative start counting from its end.</summary>
    private static int[] Slice(int[] edge, int start, int length)
    {
        var end = start + length;
        static int Clamp(int i, int count) => i < 0 ? Math.Max(0, count + i) : Math.Min(i, count);
        var from = Clamp(start, edge.Length);
        var to = Clamp(end, edge.Length);
        return to > from ? edge[from..to] : [];
    }
}
