using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Parameters of <c>flyscan_xray_centre</c>: two fully specified grids, x/y at the first omega and x/z at the second
/// (mx-bluesky's SpecifiedThreeDGridScan and Hyperion's HyperionSpecifiedThreeDGridScan). The per-grid lists must all
/// have the same length, that length must be 2, and the exposure must be a whole number of milliseconds, since the
/// fast grid scan's dwell time is.
/// </summary>
public sealed record SpecifiedThreeDGridScan : GenericGrid, IXyzStarts
{
    /// <inheritdoc/>
    [RequiredField]
    public double XStartUm { get; init; }

    /// <inheritdoc/>
    [RequiredField]
    public IReadOnlyList<double> YStartsUm { get; init; } = [];

    /// <inheritdoc/>
    [RequiredField]
    public IReadOnlyList<double> ZStartsUm { get; init; } = [];

    /// <summary>Spacing along x, µm (<c>x_step_size_um</c>; default 20, above 0).</summary>
    [GreaterThan(0)]
    public double XStepSizeUm { get; init; } = GridscanParamConstants.BoxWidthUm;

    /// <summary>Row spacing of each grid, µm (<c>y_step_sizes_um</c>; default [20, 20], each above 0).</summary>
    [GreaterThan(0, ApplyToItems = true)]
    public IReadOnlyList<double> YStepSizesUm { get; init; } = [GridscanParamConstants.BoxWidthUm, GridscanParamConstants.BoxWidthUm];

    /// <summary>Images per row (<c>x_steps</c>; required, above 0).</summary>
    [RequiredField]
    [GreaterThan(0)]
    public int XSteps { get; init; }

    /// <summary>Rows of each grid (<c>y_steps</c>; required, each above 0). The second grid's rows run along z.</summary>
    [RequiredField]
    [GreaterThan(0, ApplyToItems = true)]
    public IReadOnlyList<int> YSteps { get; init; } = [];

    /// <summary>The number of grids.</summary>
    [JsonIgnore]
    public int NumGrids => YSteps.Count;

    /// <summary>Each grid's image positions, in acquisition order.</summary>
    [JsonIgnore]
    public IReadOnlyList<GridScanPoints> ScanPoints => Enumerable.Range(0, NumGrids).Select(GridPoints).ToList();

    /// <summary>The index of each grid's first image, for the NeXus files.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> ScanIndices
    {
        get
        {
            // mx-bluesky takes each later start from the previous grid's size alone, which is cumulative for two grids.
            var indices = new List<int> { 0 };
            for (var grid = 0; grid < NumGrids - 1; grid++)
            {
                indices.Add(XSteps * YSteps[grid]);
            }

            return indices;
        }
    }

    /// <summary>Images in all grids.</summary>
    [JsonIgnore]
    public override int NumImages => YSteps.Sum(rows => XSteps * rows);

    /// <summary>The Zebra fast grid scan's settings (stub offsets not set).</summary>
    [JsonIgnore]
    public ZebraGridScanParamsThreeD FastGridscanParams => CreateZebraGridScanParams(setStubOffsets: false);

    /// <summary>The Zebra fast grid scan's settings.</summary>
    public ZebraGridScanParamsThreeD CreateZebraGridScanParams(bool setStubOffsets) => new(
        XSteps, YSteps[0], YSteps[1],
        XStepSizeUm / 1000, YStepSizesUm[0] / 1000, YStepSizesUm[1] / 1000,
        XStartUm / 1000, YStartsUm[0] / 1000, YStartsUm[1] / 1000, ZStartsUm[0] / 1000, ZStartsUm[1] / 1000,
        setStubOffsets, ExposureTimeS * 1000, TransmissionFrac);

    /// <summary>The PandA grid scan's settings.</summary>
    /// <exception cref="OddYStepsException">The first grid has an odd number of rows.</exception>
    public PandAGridScanParams CreatePandAGridScanParams(
        double runUpDistanceMm = HardwareConstants.PandaFgsRunUpDefault, bool setStubOffsets = false)
    {
        if (YSteps[0] % 2 != 0 && YSteps[1] > 0)
        {
            // Hyperion issue 1118: the PandA's motion program ends each grid at the wrong end otherwise.
            throw new OddYStepsException(YSteps[0]);
        }

        return new(
            XSteps, YSteps[0], YSteps[1],
            XStepSizeUm / 1000, YStepSizesUm[0] / 1000, YStepSizesUm[1] / 1000,
            XStartUm / 1000, YStartsUm[0] / 1000, YStartsUm[1] / 1000, ZStartsUm[0] / 1000, ZStartsUm[1] / 1000,
            setStubOffsets, runUpDistanceMm, TransmissionFrac);
    }

    internal override ParameterModel Complete(BindingScope scope)
    {
        CheckLengthsAreSame(scope);
        CheckTwoGrids(scope);
        if (!ZebraGridScanParamsThreeD.IsIntegerDwellTime(ExposureTimeS * 1000))
        {
            scope.Error("exposure_time_s", "dwell_time_not_integer_ms",
                $"Dwell time of {ExposureTimeS * 1000}ms is not an integer value. Fast Grid Scan only accepts integer values",
                ExposureTimeS);
        }

        return base.Complete(scope);
    }

    private void CheckLengthsAreSame(BindingScope scope)
    {
        var lengths = new (string Name, int Length)[]
        {
            ("omega_starts_deg", OmegaStartsDeg.Count),
            ("y_step_sizes_um", YStepSizesUm.Count),
            ("y_steps", YSteps.Count),
            ("y_starts_um", YStartsUm.Count),
            ("z_starts_um", ZStartsUm.Count),
        };
        if (lengths.Select(l => l.Length).Distinct().Count() == 1)
        {
            return;
        }

        // Name the fields that disagree with the most common length (y_steps' on a tie), so the error points at them.
        var expected = lengths.GroupBy(l => l.Length)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key == YSteps.Count)
            .First().Key;
        var details = string.Join(", ", lengths.Select(l => $"{l.Name}: length={l.Length}"));
        foreach (var (name, length) in lengths.Where(l => l.Length != expected))
        {
            scope.Error(name, "list_lengths_differ", $"Fields must all have the same length: {details}", length);
        }
    }

    private void CheckTwoGrids(BindingScope scope)
    {
        foreach (var (name, length) in new[]
                 {
                     ("y_steps", YSteps.Count),
                     ("y_step_sizes_um", YStepSizesUm.Count),
                     ("omega_starts_deg", OmegaStartsDeg.Count),
                 })
        {
            if (length != 2)
            {
                scope.Error(name, "three_d_scan_needs_two_grids", $"{name} must be length 2 for 3D scans (length {length})", length);
            }
        }
    }

    private GridScanPoints GridPoints(int grid)
    {
        var xEnd = XStartUm + (XStepSizeUm * (XSteps - 1));
        var yEnd = YStartsUm[grid] + (YStepSizesUm[grid] * (YSteps[grid] - 1));
        var xs = ScanLine.Midpoints(XStartUm, xEnd, XSteps);
        var ys = ScanLine.Midpoints(YStartsUm[grid], yEnd, YSteps[grid]);
        var samX = new List<double>(XSteps * YSteps[grid]);
        var samY = new List<double>(samX.Capacity);
        var samZ = new List<double>(samX.Capacity);
        for (var row = 0; row < ys.Length; row++)
        {
            // y is the slow axis and x snakes: odd rows run backwards.
            for (var i = 0; i < xs.Length; i++)
            {
                samX.Add(xs[row % 2 == 0 ? i : xs.Length - 1 - i]);
                samY.Add(ys[row]);
                samZ.Add(ZStartsUm[grid]);
            }
        }

        return new GridScanPoints(samX, samY, samZ);
    }
}
