namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// DLS's X-ray centring (<c>dlstbx.util.xray_centering</c> and <c>xray_centering_3d</c>): turns per-image spot
/// counts from one grid (2D) or two orthogonal grids (3D) into diffracting regions. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// 3D: the grids are ordered by ascending dcid (the first is XY, the second XZ), un-snaked, counts below the
/// absolute threshold are zeroed, and the voxel grid <c>V[x, y, z] = g1[x, y] · g2[x, z]</c> is formed. Voxels of
/// at least <c>threshold · max(V)</c> are kept and labelled with 26-connectivity; each component gives a result,
/// strongest <c>total_count</c> first (ties keep scan order). Where several voxels share a component's maximum,
/// <c>max_voxel</c> is the first in C order (x, then y, then z), as DLS's scipy-based code gives.
/// 2D: cells of at least half the largest count are labelled with 8-connectivity; the largest component (by cell
/// count, the first in scan order on a tie) gives the one result, with an unweighted centre and no bounding box.
/// When nothing diffracts both give no results; DLS's 2D service sends a result with <c>status: "fail"</c> instead.
/// </remarks>
public static class XrayCentring
{
    /// <summary>The fraction of the largest count that 2D centring keeps, fixed in DLS's service.</summary>
    public const double TwoDThreshold = 0.5;

    /// <summary>Centres one grid (2D) or two orthogonal grids (3D), picking the analysis by the number of grids.</summary>
    /// <param name="grids">One or two grids.</param>
    /// <param name="options">Thresholds and sample id; <see cref="CentringOptions.Default"/> when null.</param>
    /// <exception cref="CentringInputException">No grids, more than two, or invalid grid data; the field names the grid (<c>grids[1].steps_x</c>).</exception>
    public static CentringOutcome Centre(IReadOnlyList<GridSpotCounts> grids, CentringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grids);
        for (var i = 0; i < grids.Count; i++)
        {
            if (grids[i] is null)
            {
                throw new CentringInputException($"grids[{i}]", "missing");
            }

            grids[i].Validate($"grids[{i}]");
        }

        return grids.Count switch
        {
            1 => new CentringOutcome(CentringOutcome.TwoD, Centre2D(grids[0], options)),
            2 => new CentringOutcome(CentringOutcome.ThreeD, Centre3D(grids[0], grids[1], options)),
            _ => throw new CentringInputException("grids", $"needs one grid (2D) or two (3D), got {grids.Count}"),
        };
    }

    /// <summary>3D centring from two orthogonal grids, given in either order (they are ordered by dcid).</summary>
    /// <param name="first">One grid.</param>
    /// <param name="second">The other grid, with the same <c>steps_x</c>.</param>
    /// <param name="options">Thresholds and sample id; <see cref="CentringOptions.Default"/> when null.</param>
    /// <returns>The regions, largest <c>total_count</c> first; empty when nothing diffracts.</returns>
    /// <exception cref="CentringInputException">Invalid grids, equal dcids or different <c>steps_x</c>.</exception>
    public static IReadOnlyList<XrcResult> Centre3D(GridSpotCounts first, GridSpotCounts second, CentringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        options ??= CentringOptions.Default;
        options.Validate();
        if (first.Dcid == second.Dcid)
        {
            throw new CentringInputException("grids[1].dcid", $"both grids have dcid {first.Dcid}; the two grids of a 3D scan are separate data collections");
        }

        var (xy, xz) = first.Dcid < second.Dcid ? (first, second) : (second, first);
        var (xyPath, xzPath) = ReferenceEquals(xy, first) ? ("grids[0]", "grids[1]") : ("grids[1]", "grids[0]");
        xy.Validate(xyPath);
        xz.Validate(xzPath);
        if (xy.StepsX != xz.StepsX)
        {
            throw new CentringInputException(
                $"{xzPath}.steps_x",
                $"is {xz.StepsX} but the grid with dcid {xy.Dcid} has {xy.StepsX}; both grids must share the x axis");
        }

        var g1 = xy.Unsnaked();
        var g2 = xz.Unsnaked();
        int nx = xy.StepsX, ny = xy.StepsY, nz = xz.StepsY;

        // Zero the noise in each 2D grid before the product, as DLS does (counts strictly below the threshold).
        var v = new long[nx * ny * nz];
        long max = 0;
        for (var x = 0; x < nx; x++)
        {
            for (var y = 0; y < ny; y++)
            {
                long a = g1[x, y] < options.AbsoluteThreshold ? 0 : g1[x, y];
                for (var z = 0; z < nz; z++)
                {
                    long b = g2[x, z] < options.AbsoluteThreshold ? 0 : g2[x, z];
                    var product = a * b;
                    v[((x * ny) + y) * nz + z] = product;
                    max = Math.Max(max, product);
                }
            }
        }

        if (max == 0)
        {
            return [];
        }

        var cut = options.Threshold * max;
        var mask = new bool[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            mask[i] = v[i] > 0 && v[i] >= cut;
        }

        var (labels, count) = ComponentLabeller.Label(mask, nx, ny, nz);
        var regions = new VoxelRegion[count];
        for (var i = 0; i < count; i++)
        {
            regions[i] = new VoxelRegion();
        }

        // Every partial sum is an integer below 2^53, so the centre of mass matches scipy's exactly whatever the order.
        for (var i = 0; i < v.Length; i++)
        {
            if (labels[i] == 0)
            {
                continue;
            }

            var x = i / (ny * nz);
            var y = i / nz % ny;
            var z = i % nz;
            regions[labels[i] - 1].Add(v[i], i, x, y, z);
        }

        var results = new List<XrcResult>(count);
        foreach (var r in regions)
        {
            var mx = r.MaxIndex / (ny * nz);
            var my = r.MaxIndex / nz % ny;
            var mz = r.MaxIndex % nz;
            results.Add(new XrcResult(
                [(r.SumWx / r.SumW) + 0.5, (r.SumWy / r.SumW) + 0.5, (r.SumWz / r.SumW) + 0.5],
                [mx, my, mz],
                r.Max,
                r.Cells,
                r.Total,
                new XrcBoundingBox(r.MinX, r.MinY, r.MinZ, r.MaxX + 1, r.MaxY + 1, r.MaxZ + 1),
                options.SampleId));
        }

        // OrderByDescending is stable, as Python's sorted(..., reverse=True) is.
        return [.. results.OrderByDescending(r => r.TotalCount)];
    }

    /// <summary>2D centring from one grid.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="options">Only <see cref="CentringOptions.SampleId"/> is used; the threshold is fixed at half the largest count.</param>
    /// <returns>One result for the largest region; empty when nothing diffracts.</returns>
    /// <exception cref="CentringInputException">Invalid grid data.</exception>
    public static IReadOnlyList<XrcResult> Centre2D(GridSpotCounts grid, CentringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        options ??= CentringOptions.Default;
        options.Validate();
        var g = grid.Unsnaked();
        int nx = grid.StepsX, ny = grid.StepsY;
        var max = grid.SpotCounts.Max();
        if (max == 0)
        {
            return [];
        }

        // DLS labels the transposed grid, [y, x], so scan order is row by row.
        var cut = TwoDThreshold * max;
        var mask = new bool[nx * ny];
        for (var y = 0; y < ny; y++)
        {
            for (var x = 0; x < nx; x++)
            {
                mask[(y * nx) + x] = g[x, y] >= cut;
            }
        }

        var (labels, count) = ComponentLabeller.Label(mask, ny, nx, 1);
        var sizes = new int[count + 1];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        var best = 1;
        for (var label = 2; label <= count; label++)
        {
            if (sizes[label] > sizes[best])
            {
                best = label;
            }
        }

        double sumX = 0, sumY = 0;
        long total = 0;
        int cells = 0, bestValue = -1, bestX = 0, bestY = 0;
        for (var y = 0; y < ny; y++)
        {
            for (var x = 0; x < nx; x++)
            {
                if (labels[(y * nx) + x] != best)
                {
                    continue;
                }

                cells++;
                sumX += x;
                sumY += y;
                total += g[x, y];

                // The first maximum in scan order, as numpy's argmax gives.
                if (g[x, y] > bestValue)
                {
                    bestValue = g[x, y];
                    bestX = x;
                    bestY = y;
                }
            }
        }

        return
        [
            new XrcResult(
                [(sumX / cells) + 0.5, (sumY / cells) + 0.5],
                [bestX, bestY],
                max,
                cells,
                total,
                null,
                options.SampleId),
        ];
    }
}
