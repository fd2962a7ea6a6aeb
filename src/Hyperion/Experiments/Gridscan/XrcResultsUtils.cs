using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using PV = Hyperion.Cli.Experiments.PinTip.PlanValues;

namespace Hyperion.Cli.Experiments.Gridscan;

/// <summary>
/// Fetching and publishing zocalo's X-ray centring results (mx-bluesky's xrc_results_utils): results below
/// <see cref="GridscanParamConstants.ZocaloMinTotalCountThreshold"/> total count are dropped, the rest turned from
/// grid boxes into motor positions and published in an <c>xray_centre_results</c> run for
/// <see cref="XRayCentreEventHandler"/>.
/// </summary>
public static class XrcResultsUtils
{
    /// <summary>
    /// Triggers zocalo (which must have been staged), reads its results, filters and converts them, and publishes
    /// them. With none left, publishes a dummy centre in commissioning mode (read from <paramref name="baton"/>), else
    /// fails.
    /// </summary>
    /// <exception cref="CrystalNotFoundException">No result reached the threshold outside commissioning mode.</exception>
    public static async Plan FetchXrcResultsFromZocalo(ZocaloResults zocaloResults, SpecifiedThreeDGridScan parameters, Baton? baton = null)
    {
        ArgumentNullException.ThrowIfNull(zocaloResults);
        ArgumentNullException.ThrowIfNull(parameters);
        await Stubs.Trigger(zocaloResults, wait: true);
        var xrcResults = await GetFullProcessingResults(zocaloResults);
        var filtered = xrcResults.Where(r => r.TotalCount >= GridscanParamConstants.ZocaloMinTotalCountThreshold).ToList();
        List<XRayCentreResult> flyscanResults;
        if (filtered.Count > 0)
        {
            flyscanResults = [.. filtered.Select(r => XrcResultInBoxesToResultInMm(r, parameters))];
        }
        else if (baton is not null && await Stubs.Rd(baton.Commissioning) is true)
        {
            flyscanResults = [GenerateDummyXrcResult(parameters)];
        }
        else
        {
            throw new CrystalNotFoundException();
        }

        await FireXrayCentreResultEvent(flyscanResults);
    }

    /// <summary>
    /// zocalo's results as published on the device, each centre of mass corrected by −0.5 so grid-box centres are
    /// integers (dodal's get_full_processing_results); empty under a simulator that answers no reads.
    /// </summary>
    /// <exception cref="InvalidOperationException">The arrays disagree on the number of crystals.</exception>
    public static async Plan<IReadOnlyList<XrcResult>> GetFullProcessingResults(ZocaloResults zocalo)
    {
        ArgumentNullException.ThrowIfNull(zocalo);
        var centres = PV.AsDoubles(await Stubs.Rd(zocalo.CentreOfMass));
        var voxels = PV.AsDoubles(await Stubs.Rd(zocalo.MaxVoxel));
        var maxCounts = PV.AsDoubles(await Stubs.Rd(zocalo.MaxCount));
        var sizes = PV.AsDoubles(await Stubs.Rd(zocalo.NVoxels));
        var totals = PV.AsDoubles(await Stubs.Rd(zocalo.TotalCount));
        var boxes = PV.AsDoubles(await Stubs.Rd(zocalo.BoundingBox));
        var samples = PV.AsDoubles(await Stubs.Rd(zocalo.SampleId));
        var n = maxCounts.Length;
        if (centres.Length != 3 * n || voxels.Length != 3 * n || sizes.Length != n || totals.Length != n || boxes.Length != 6 * n
            || (samples.Length != n && samples.Length != 0))
        {
            throw new InvalidOperationException($"{zocalo.Name}: the result arrays disagree on the number of crystals ({n} max counts).");
        }

        return [.. Enumerable.Range(0, n).Select(i => new XrcResult(
            [.. centres.Skip(3 * i).Take(3).Select(c => c - 0.5)],
            [.. voxels.Skip(3 * i).Take(3).Select(v => (long)v)],
            (long)maxCounts[i],
            (long)sizes[i],
            (long)totals[i],
            [boxes.Skip(6 * i).Take(3).Select(b => (long)b).ToArray(), boxes.Skip((6 * i) + 3).Take(3).Select(b => (long)b).ToArray()],
            samples.Length == 0 || (long)samples[i] == ZocaloResults.NoSampleId ? null : (long)samples[i]))];
    }

    /// <summary>
    /// A result in grid boxes as motor positions, mm: the centre of mass is already continuous, the bounding box's
    /// corners are box centres, so half a box is taken off them to reach the boxes' corners.
    /// </summary>
    /// <exception cref="Hyperion.Devices.Mx.GridScan.GridPositionOutOfBoundsException">A position lies outside the grid.</exception>
    public static XRayCentreResult XrcResultInBoxesToResultInMm(XrcResult xrcResult, SpecifiedThreeDGridScan parameters)
    {
        ArgumentNullException.ThrowIfNull(xrcResult);
        ArgumentNullException.ThrowIfNull(parameters);
        var fgs = FgsParams.ToDeviceParams(parameters.FastGridscanParams);
        var centre = fgs.GridPositionToMotorPosition(xrcResult.CentreOfMass);
        var min = fgs.GridPositionToMotorPosition([.. xrcResult.BoundingBox[0].Select(b => b - 0.5)]);
        var max = fgs.GridPositionToMotorPosition([.. xrcResult.BoundingBox[1].Select(b => b - 0.5)]);
        return new XRayCentreResult([.. centre], (min.ToArray(), max.ToArray()), xrcResult.MaxCount, xrcResult.TotalCount, xrcResult.SampleId);
    }

    /// <summary>The centre of the grids, for commissioning without diffraction (an even number of grids only).</summary>
    /// <exception cref="ArgumentException">The number of grids is odd.</exception>
    public static XRayCentreResult GenerateDummyXrcResult(SpecifiedThreeDGridScan parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.NumGrids % 2 != 0)
        {
            throw new ArgumentException("XRC results in commissioning mode currently only works for an even number of grids", nameof(parameters));
        }

        // For an even number of grids the z steps are the odd-indexed y steps.
        var coms = Enumerable.Range(0, parameters.NumGrids / 2)
            .Select(grid => new[] { parameters.XSteps / 2.0, parameters.YSteps[2 * grid] / 2.0, parameters.YSteps[(2 * grid) + 1] / 2.0 })
            .ToList();
        double[] com = [.. Enumerable.Range(0, 3).Select(axis => coms.Average(c => c[axis]))];
        long[] maxVoxel = [.. com.Select(p => (long)Math.Round(p, MidpointRounding.ToEven))];
        return XrcResultInBoxesToResultInMm(
            new XrcResult(com, maxVoxel, 10000, 1, 100000, [maxVoxel, [.. maxVoxel.Select(p => p + 1)]], parameters.SampleId),
            parameters);
    }

    /// <summary>
    /// Publishes <paramref name="results"/>: an <c>xray_centre_results</c> run whose start carries them under
    /// <c>xray_centre_results</c>, as mx-bluesky does, holding one <c>flyscan_results_obtained</c> event with them too.
    /// </summary>
    public static Plan FireXrayCentreResultEvent(IReadOnlyList<XRayCentreResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var asMetadata = results.Select(r => r.ToMetadata()).ToList();
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.FlyscanResults,
            [PlanNames.FlyscanResults] = asMetadata.Cast<object?>().ToList(),
        };
        return Preprocessors.SetRunKey(Preprocessors.RunWrapper(ResultsEvent(asMetadata), metadata), PlanNames.FlyscanResults);
    }

    /// <summary>
    /// Stages zocalo in its stage group (without waiting: the grid scan waits for it before triggering zocalo), runs
    /// <paramref name="plan"/>, and unstages zocalo however it ends (mx-bluesky's zocalo_stage_decorator).
    /// </summary>
    public static async Plan ZocaloStageWrapper(Plan plan, ZocaloResults zocalo)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(zocalo);
        await Stubs.Stage(zocalo, ZocaloConstants.ZocaloStageGroup, wait: false);
        await Preprocessors.Contingency(plan, finalPlan: () => Unstage(zocalo));
    }

    private static async Plan Unstage(ZocaloResults zocalo) => await Stubs.Unstage(zocalo);

    private static async Plan ResultsEvent(IReadOnlyList<Dictionary<string, object?>> results)
    {
        await Stubs.Create(DescriptorNames.FlyscanResults);
        await Stubs.Read(new XrcResultsReadable(results, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0));
        await Stubs.Save();
    }
}
