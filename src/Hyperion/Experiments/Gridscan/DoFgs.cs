using Hyperion.Cli.Experiments.Common;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.GridScan;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Gridscan;

/// <summary>
/// Runs the grid scans' motion program (mx-bluesky's do_fgs): in a <c>do_fgs</c> run, waits for top-up if it would
/// interrupt, for zocalo to be staged, triggers zocalo (through the zocalo read), kicks the program off and waits for
/// it. On failure the Eiger is stopped; on success it is unstaged.
/// </summary>
public static class DoFgs
{
    /// <summary>How long top-up operations take, s.</summary>
    public const double TopupOpsTimeS = 30.0;

    /// <summary>
    /// The <c>do_fgs</c> run: its start carries <c>omega_to_scan_spec</c>, each grid's image positions keyed by its
    /// omega, for the NeXus callback. <paramref name="planDuringCollection"/> runs between kick-off and completion.
    /// </summary>
    public static Plan KickoffAndCompleteGridscan(
        ZebraFastGridScan gridscan,
        EigerDetector detector,
        Synchrotron synchrotron,
        IReadOnlyList<GridScanPoints> scanPoints,
        IReadOnlyList<int> omegaStartsDeg,
        Func<Plan>? planDuringCollection = null)
    {
        ArgumentNullException.ThrowIfNull(gridscan);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(synchrotron);
        ArgumentNullException.ThrowIfNull(scanPoints);
        ArgumentNullException.ThrowIfNull(omegaStartsDeg);
        var omegaToScanSpec = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < omegaStartsDeg.Count; i++)
        {
            omegaToScanSpec[omegaStartsDeg[i].ToString(System.Globalization.CultureInfo.InvariantCulture)] = AxesPoints(scanPoints[i]);
        }

        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.DoFgs,
            ["omega_to_scan_spec"] = omegaToScanSpec,
        };
        var decorated = Preprocessors.Contingency(
            WaitForZocaloToStageThenDoFgs(gridscan, detector, synchrotron, planDuringCollection),
            exceptPlan: _ => StopDetector(detector),
            elsePlan: () => UnstageDetector(detector));
        return Preprocessors.SetRunKey(Preprocessors.RunWrapper(decorated, metadata), PlanNames.DoFgs);
    }

    /// <summary>One grid's positions as scanspec's AxesPoints: <c>sam_x</c>, <c>sam_y</c>, <c>sam_z</c>, µm.</summary>
    public static Dictionary<string, object?> AxesPoints(GridScanPoints points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sam_x"] = points.SamX.Cast<object?>().ToList(),
            ["sam_y"] = points.SamY.Cast<object?>().ToList(),
            ["sam_z"] = points.SamZ.Cast<object?>().ToList(),
        };
    }

    private static async Plan WaitForZocaloToStageThenDoFgs(
        ZebraFastGridScan gridscan, EigerDetector detector, Synchrotron synchrotron, Func<Plan>? duringCollection)
    {
        var expectedImages = PlanValues(await Stubs.Rd(gridscan.ExpectedImages));
        var exposureSecPerImage = PlanValues(await Stubs.Rd(detector.Cam.AcquireTime));
        await TopupCheck.CheckTopupAndWaitIfNecessary(synchrotron, expectedImages * exposureSecPerImage, TopupOpsTimeS);

        // Zocalo must have been staged in this group, so its queue is clear for these results.
        await Stubs.Wait(ZocaloConstants.ZocaloStageGroup);

        // Triggers zocalo when the Zocalo callback listens.
        await ReadHardware.ReadHardwarePlan([detector.Odin.FileWriter.Id], DescriptorNames.ZocaloHwRead);
        await Stubs.Wait();

        await Stubs.Kickoff(gridscan, wait: true);
        if (duringCollection is not null)
        {
            await duringCollection();
        }

        await Stubs.Complete(gridscan, wait: true);
    }

    private static double PlanValues(object? value) => PinTip.PlanValues.AsDouble(value);

    private static async Plan StopDetector(EigerDetector detector) => await Stubs.Stop(detector);

    private static async Plan UnstageDetector(EigerDetector detector) => await Stubs.Unstage(detector, wait: true);
}
