using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Gridscan;

/// <summary>Moving to the crystal X-ray centring found (mx-bluesky's change_aperture_then_move_plan).</summary>
public static class ChangeApertureThenMovePlan
{
    /// <summary>Crystals narrower than this along x get the medium aperture, wider ones the large, mm.</summary>
    public const double MediumApertureMaxWidthMm = 0.05;

    /// <summary>
    /// Fetches the results (publishing them for <paramref name="flyscanEventHandler"/>, which must be subscribed) and
    /// returns them.
    /// </summary>
    /// <exception cref="Errors.CrystalNotFoundException">No crystal was found.</exception>
    /// <exception cref="InvalidOperationException">The handler received no results.</exception>
    public static async Plan<IReadOnlyList<XRayCentreResult>> GetXrcResults(
        ZocaloResults zocalo, SpecifiedThreeDGridScan parameters, XRayCentreEventHandler flyscanEventHandler, Baton? baton = null)
    {
        ArgumentNullException.ThrowIfNull(flyscanEventHandler);
        await XrcResultsUtils.FetchXrcResultsFromZocalo(zocalo, parameters, baton);
        return flyscanEventHandler.XRayCentreResults is { Count: > 0 } results
            ? results
            : throw new InvalidOperationException("Flyscan result event not received or no crystal found and exception not raised");
    }

    /// <summary>Fetches the results and moves to the first (best) crystal's centre.</summary>
    public static async Plan GetResultsAndMoveToXtal(
        HyperionDevices devices, SpecifiedThreeDGridScan parameters, XRayCentreEventHandler flyscanEventHandler)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var results = await GetXrcResults(devices.Zocalo, parameters, flyscanEventHandler, devices.Baton);
        await MoveToXtal(results[0], devices.Smargon);
    }

    /// <summary>Sets the aperture for the crystal's size and moves to it.</summary>
    public static async Plan GetResultsThenChangeApertureAndMoveToXtal(
        HyperionDevices devices, SpecifiedThreeDGridScan parameters, XRayCentreEventHandler flyscanEventHandler)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var results = await GetXrcResults(devices.Zocalo, parameters, flyscanEventHandler, devices.Baton);
        await ChangeAperture(results[0], devices.ApertureScatterguard);
        await MoveToXtal(results[0], devices.Smargon);
    }

    /// <summary>Starts setting the aperture for <paramref name="bestHit"/>'s bounding box.</summary>
    public static Plan ChangeAperture(XRayCentreResult bestHit, ApertureScatterguard apertureScatterguard)
    {
        ArgumentNullException.ThrowIfNull(bestHit);
        double[] size = [.. Enumerable.Range(0, 3).Select(i => Math.Abs(bestHit.BoundingBoxMm.Max[i] - bestHit.BoundingBoxMm.Min[i]))];
        return SetApertureForBboxMm(apertureScatterguard, size);
    }

    /// <summary>Moves to <paramref name="bestHit"/>'s centre of mass and waits; with <paramref name="setStubOffsets"/>, recentres the stub offsets there.</summary>
    public static async Plan MoveToXtal(XRayCentreResult bestHit, Smargon smargon, bool? setStubOffsets = null)
    {
        ArgumentNullException.ThrowIfNull(bestHit);
        ArgumentNullException.ThrowIfNull(smargon);
        var centre = bestHit.CentreOfMassMm;
        await ManipulateSample.MoveXyz(smargon, centre[0], centre[1], centre[2], wait: true);
        if (setStubOffsets == true)
        {
            await Stubs.Mv(smargon.StubOffsets, StubPosition.CurrentAsCenter);
        }
    }

    /// <summary>Medium aperture below <see cref="MediumApertureMaxWidthMm"/> along x, large otherwise, in <paramref name="group"/>.</summary>
    public static async Plan SetApertureForBboxMm(ApertureScatterguard apertureDevice, IReadOnlyList<double> bboxSizeMm, string group = PlanGroups.GridReadyForDc)
    {
        ArgumentNullException.ThrowIfNull(apertureDevice);
        ArgumentNullException.ThrowIfNull(bboxSizeMm);
        var aperture = bboxSizeMm[0] < MediumApertureMaxWidthMm ? ApertureValue.Medium : ApertureValue.Large;
        await Stubs.AbsSet(apertureDevice.SelectedAperture, aperture, group);
    }
}
