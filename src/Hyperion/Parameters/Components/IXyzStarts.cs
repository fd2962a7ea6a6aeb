namespace Hyperion.Cli.Parameters;

/// <summary>Grid start positions (mx-bluesky's XyzStarts): one x for all grids, a y and a z per grid.</summary>
public interface IXyzStarts
{
    /// <summary>Sample x of every grid's first point, µm (<c>x_start_um</c>).</summary>
    double XStartUm { get; }

    /// <summary>Sample y of each grid's first point, µm (<c>y_starts_um</c>).</summary>
    IReadOnlyList<double> YStartsUm { get; }

    /// <summary>Sample z of each grid, µm (<c>z_starts_um</c>).</summary>
    IReadOnlyList<double> ZStartsUm { get; }
}
