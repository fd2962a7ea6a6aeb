using Hyperion.Devices.Mx.Beam;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>
/// Waits out a top-up that would start during a short collection (dodal's check_topup plan stub, with its default
/// configuration: the beamline parameters' overrides are not read).
/// </summary>
public static class TopupCheck
{
    /// <summary>The start countdown in decay mode, when there is no top-up.</summary>
    public const double DecayModeCountdown = -1;

    /// <summary>The start countdown while a top-up is under way.</summary>
    public const double CountdownDuringTopup = 0;

    /// <summary>Collections exposed for less than this wait for a top-up to finish rather than collect through it, s.</summary>
    public const double DefaultThresholdExposureS = 120;

    /// <summary>The extra wait after a top-up's nominal end, s.</summary>
    public const double DefaultTopupGateDelayS = 1;

    /// <summary>
    /// When gating is permitted (user or special mode, not decay mode) and a top-up would start before
    /// <paramref name="totalExposureTimeS"/> plus <paramref name="opsTimeS"/> are over, sleeps until it ends (for
    /// exposures under <see cref="DefaultThresholdExposureS"/>); then waits for any top-up under way to finish.
    /// </summary>
    public static async Plan CheckTopupAndWaitIfNecessary(Synchrotron synchrotron, double totalExposureTimeS, double opsTimeS)
    {
        ArgumentNullException.ThrowIfNull(synchrotron);
        var machineMode = ReadValues.AsEnum<SynchrotronMode>(await Stubs.Rd(synchrotron.SynchrotronMode));
        var timeToTopup = AsDouble(await Stubs.Rd(synchrotron.TopUpStartCountdown));
        if (timeToTopup is null or DecayModeCountdown || machineMode is not (SynchrotronMode.User or SynchrotronMode.Special))
        {
            await Stubs.Null();
            return;
        }

        var totalRunTimeS = totalExposureTimeS + opsTimeS;
        var endTopup = AsDouble(await Stubs.Rd(synchrotron.TopUpEndCountdown)) ?? 0;
        var shouldWait = totalRunTimeS > timeToTopup && totalExposureTimeS < DefaultThresholdExposureS;
        await Stubs.Sleep(shouldWait ? endTopup + DefaultTopupGateDelayS : 0.0);

        var checkStart = AsDouble(await Stubs.Rd(synchrotron.TopUpStartCountdown));
        while (checkStart == CountdownDuringTopup)
        {
            await Stubs.Sleep(0.1);
            checkStart = AsDouble(await Stubs.Rd(synchrotron.TopUpStartCountdown));
        }
    }

    private static double? AsDouble(object? value) => value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
