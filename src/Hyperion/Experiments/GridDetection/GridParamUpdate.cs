namespace Hyperion.Cli.Experiments.GridDetection;

/// <summary>
/// The grids grid detection found, in motor space (mx-bluesky's GridParamUpdate): the fields of a
/// SpecifiedThreeDGridScan, each per-grid list holding the xy grid's then the xz grid's value.
/// </summary>
/// <param name="XStartUm">x of the centre of both grids' first box, µm.</param>
/// <param name="YStartsUm">y of the first box of each grid, µm.</param>
/// <param name="ZStartsUm">z of the first box of each grid, µm.</param>
/// <param name="XSteps">Boxes along x, in both grids.</param>
/// <param name="YSteps">Rows of each grid (y in the first, z in the second).</param>
/// <param name="XStepSizeUm">The box width along x, µm.</param>
/// <param name="YStepSizesUm">The row spacing of each grid, µm.</param>
public sealed record GridParamUpdate(
    double XStartUm,
    IReadOnlyList<double> YStartsUm,
    IReadOnlyList<double> ZStartsUm,
    int XSteps,
    IReadOnlyList<int> YSteps,
    double XStepSizeUm,
    IReadOnlyList<double> YStepSizesUm);
