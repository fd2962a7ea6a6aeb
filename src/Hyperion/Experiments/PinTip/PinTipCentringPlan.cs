using Hyperion.Cli.Experiments.DeviceSetup;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>
/// Optical centring on the pin tip (mx-bluesky's pin_tip_centring_plan): find the tip, moving the pin into view in
/// up to two steps if it is off screen, put the point <c>tip_offset</c> along from it on the beam, turn omega −90°
/// and do it again, so the pin is centred in 3D.
/// </summary>
public static class PinTipCentringPlan
{
    /// <summary>How far each search step moves x, mm.</summary>
    public const double DefaultStepSize = 0.5;

    /// <summary>How many search steps are tried before giving up.</summary>
    public const int DefaultMaxSteps = 2;

    /// <summary>How long the OAV image takes to catch up with a move, s (mx-bluesky's OAV_REFRESH_DELAY).</summary>
    public const double OavRefreshDelay = 0.3;

    /// <summary>The text of the failure when the tip is never found or the move is out of range.</summary>
    public const string PinOutOfRangeMessage = "Pin tip centring failed - pin too long/short/bent and out of range";

    /// <summary>Triggers the detection and returns its tip, [x, y] in pixels (possibly the invalid position).</summary>
    public static async Plan<int[]> TriggerAndReturnPinTip(PinTipDetection pinTip)
    {
        ArgumentNullException.ThrowIfNull(pinTip);
        await Stubs.Trigger(pinTip, wait: true);
        return PlanValues.AsInts(await Stubs.Rd(pinTip.TriggeredTip));
    }

    /// <summary>
    /// Finds the tip, stepping x by <paramref name="stepMagnitudeMm"/> (clamped to its limits) up to
    /// <paramref name="maxSteps"/> times while none is in view: towards −x when the tip is at the image's left edge,
    /// +x otherwise. Waits <see cref="OavRefreshDelay"/> after each step.
    /// </summary>
    /// <exception cref="SampleException">No tip was found after the last step.</exception>
    public static async Plan<(int X, int Y)> MovePinIntoView(
        PinTipDetection pinTipDevice, Smargon gonio, double stepMagnitudeMm = DefaultStepSize, int maxSteps = DefaultMaxSteps)
    {
        ArgumentNullException.ThrowIfNull(pinTipDevice);
        ArgumentNullException.ThrowIfNull(gonio);
        for (var step = 0; step < maxSteps; step++)
        {
            var tip = await TriggerAndReturnPinTip(pinTipDevice);
            if (PinTipValid(tip))
            {
                return (tip[0], tip[1]);
            }

            // The tip is off in −x when it is reported at pixel 0.
            var direction = tip.Length > 0 && tip[0] == 0 ? -1 : 1;
            var stageX = PlanValues.AsDouble(await Stubs.Rd(gonio.X.UserReadback));
            var ideal = stageX + (stepMagnitudeMm * direction);
            var high = PlanValues.AsDouble(await Stubs.Rd(gonio.X.HighLimitTravel), double.PositiveInfinity);
            var low = PlanValues.AsDouble(await Stubs.Rd(gonio.X.LowLimitTravel), double.NegativeInfinity);
            var withinLimits = Math.Max(Math.Min(ideal, high), low);
            await Stubs.Mv(gonio.X, withinLimits);
            await Stubs.Sleep(OavRefreshDelay);
        }

        var last = await TriggerAndReturnPinTip(pinTipDevice);
        return PinTipValid(last) ? (last[0], last[1]) : throw new SampleException(PinOutOfRangeMessage);
    }

    /// <summary>
    /// Centres on the pin tip at the current omega and at omega −90° (mx-bluesky's pin_tip_centre_plan): the point
    /// <paramref name="tipOffsetMicrons"/> along x from the tip is put on the beam each time.
    /// </summary>
    /// <exception cref="SampleException">The tip was not found at the first angle, or a move was out of range.</exception>
    /// <exception cref="WarningException">The tip was not found at the second angle.</exception>
    public static async Plan PinTipCentrePlan(
        OavBeamCentreFile oav, Smargon gonio, PinTipDetection pinTipDetection, double tipOffsetMicrons, OavCentringParameters? oavParameters = null)
    {
        ArgumentNullException.ThrowIfNull(oav);
        ArgumentNullException.ThrowIfNull(gonio);
        ArgumentNullException.ThrowIfNull(pinTipDetection);
        var parameters = oavParameters ?? OavCentringParameters.PinTipCentring;
        var micronsPerPixelX = PlanValues.AsDouble(await Stubs.Rd(oav.MicronsPerPixelX), 1);
        var tipOffsetPx = (int)(tipOffsetMicrons / micronsPerPixelX);

        // The OAV image needs time to update (mx-bluesky issue 416).
        await Stubs.Sleep(OavRefreshDelay);
        await OavSetup.PreCentringSetupOav(oav, parameters, pinTipDetection);

        var tip = await MovePinIntoView(pinTipDetection, gonio);
        await OffsetAndMove(tip);

        await Stubs.Mvr(gonio.WrappedOmega.Phase, -90);
        await Stubs.Sleep(OavRefreshDelay);
        tip = await OavCalculations.WaitForTipToBeFoundOrWarn(pinTipDetection);
        await OffsetAndMove(tip);

        async Plan OffsetAndMove((int X, int Y) found)
        {
            var position = await OavCalculations.GetMoveRequiredSoThatBeamIsAtPixel(gonio, (found.X + tipOffsetPx, found.Y), oav);
            await GonioMoves.MoveGonioWarnOnOutOfRange(gonio, (position[0], position[1], position[2]));
        }
    }

    private static bool PinTipValid(int[] tip) => tip.Length >= 2 && !OavCalculations.IsInvalid(tip) && tip[0] != 0;
}
