using System.Globalization;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>Getting the goniometer ready for the robot, and unloading (mx-bluesky's robot_load_unload).</summary>
public static class RobotLoadUnload
{
    /// <summary>How far the lower gonio may be from home and still be in the cryojet, mm (CRYOJET_MARGIN_MM).</summary>
    public const double CryojetMarginMm = 0.2;

    /// <summary>The group of the preparation.</summary>
    public const string PrepareRobotLoadGroup = "prepare_robot_load";

    /// <summary>The group name the lower gonio's homing and reset use.</summary>
    public const string LowerGonioGroup = "lower_gonio";

    /// <summary>The group the lower gonio's return joins; the caller waits on it.</summary>
    public const string LowerGonioResetGroup = "reset-" + LowerGonioGroup;

    /// <summary>
    /// Homes the lower gonio (the robot needs it there), runs <paramref name="plan"/> and puts it back, without waiting
    /// for either move: the robot is interlocked to the lower gonio and the move is quicker than the robot. Returns the
    /// group to wait on for the return. A lower gonio too far from home (it would leave the cryojet) fails.
    /// </summary>
    public static async Plan<string> DoPlanWhileLowerGonioAtHome(Plan plan, XyzStage lowerGonio)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(lowerGonio);
        await Preprocessors.Contingency(
            HomeAndReset(plan, [lowerGonio.X, lowerGonio.Y, lowerGonio.Z], BartRobot.LoadToleranceMm, CryojetMarginMm, LowerGonioGroup, waitForAll: false),
            exceptPlan: RaiseIfMovedOutOfCryojet);
        return LowerGonioResetGroup;
    }

    /// <summary>
    /// Gets the smargon ready for the robot: aperture out of the beam, stub offsets reset, omega to 0 and x, y, z, chi
    /// and phi to 0.
    /// </summary>
    public static async Plan PrepareForRobotLoad(ApertureScatterguard apertureScatterguard, Smargon smargon)
    {
        ArgumentNullException.ThrowIfNull(apertureScatterguard);
        ArgumentNullException.ThrowIfNull(smargon);
        await Stubs.AbsSet(apertureScatterguard.SelectedAperture, ApertureValue.OutOfBeam, PrepareRobotLoadGroup);
        await Stubs.Mv(smargon.StubOffsets, StubPosition.ResetToRobotLoad);
        await Stubs.Mv(smargon.WrappedOmega.Phase, 0.0);
        await Stubs.Mv(smargon, new CombinedMove { X = 0, Y = 0, Z = 0, Chi = 0, Phi = 0 });
        await Stubs.Wait(PrepareRobotLoadGroup);
    }

    /// <summary>
    /// Unloads the mounted pin back to where it came from (the robot remembers), in a <c>robot_unload</c> run with
    /// <c>metadata</c> {visit, sample_id} and <c>activate_callbacks</c> = RobotLoadISPyBCallback, holding a
    /// <c>robot_update</c> event.
    /// </summary>
    public static async Plan RobotUnload(BartRobot robot, Smargon smargon, ApertureScatterguard apertureScatterguard, XyzStage lowerGonio, string? visit)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(lowerGonio);
        await PrepareForRobotLoad(apertureScatterguard, smargon);
        var sampleId = await Stubs.Rd(robot.SampleId);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.RobotUnload,
            ["metadata"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["visit"] = visit, ["sample_id"] = sampleId },
            ["activate_callbacks"] = new List<object?> { "RobotLoadISPyBCallback" },
        };
        await Preprocessors.RunWrapper(UnloadAndSendToIspyb(robot, lowerGonio), metadata);
    }

    private static async Plan UnloadAndSendToIspyb(BartRobot robot, XyzStage lowerGonio)
    {
        await Stubs.Create(DescriptorNames.RobotUpdate);
        await Stubs.Read(robot);
        await Stubs.Save();
        var gonioFinished = await DoPlanWhileLowerGonioAtHome(Unload(robot), lowerGonio);
        await Stubs.Wait(gonioFinished);
    }

    // dodal's newest robot unloads on set(SAMPLE_LOCATION_EMPTY); our BartRobot has only its UNLOAD.PROC trigger,
    // whose put callback completes when the record has processed.
    private static async Plan Unload(BartRobot robot)
    {
        await Stubs.Trigger(robot.Unload, Stubs.ShortUid("unload"), wait: true);
    }

    private static async Plan RaiseIfMovedOutOfCryojet(Exception exception)
    {
        await Stubs.Null();
        if (exception is MoveTooLargeException tooLarge)
        {
            throw new BeamlineStateException(
                $"Moving {tooLarge.Axis.Name} back to {tooLarge.Position.ToString(CultureInfo.InvariantCulture)} after robot load would move it out of the cryojet. "
                + $"The max safe distance is {tooLarge.MaximumMove.ToString(CultureInfo.InvariantCulture)}",
                tooLarge);
        }
    }

    /// <summary>
    /// dodal's home_and_reset_wrapper: remembers where each motor is, fails if any is more than
    /// <paramref name="maximumMove"/> from 0, homes those more than <paramref name="smallestMove"/> away, runs
    /// <paramref name="plan"/>, then puts them back however it ended.
    /// </summary>
    private static async Plan HomeAndReset(Plan plan, IReadOnlyList<Motor> motors, double smallestMove, double maximumMove, string group, bool waitForAll)
    {
        var initialPositions = new List<(Motor Axis, double Position)>();
        foreach (var axis in motors)
        {
            var position = Convert.ToDouble(await Stubs.Rd(axis, 0.0), CultureInfo.InvariantCulture);
            if (Math.Abs(position) > maximumMove)
            {
                throw new MoveTooLargeException(axis, maximumMove, position);
            }

            if (Math.Abs(position) > smallestMove)
            {
                initialPositions.Add((axis, position));
            }
        }

        async Plan MoveToHome()
        {
            var homeGroup = "home-" + group;
            foreach (var (axis, _) in initialPositions)
            {
                await Stubs.AbsSet(axis, 0.0, homeGroup);
            }

            if (waitForAll)
            {
                await Stubs.Wait(homeGroup);
            }
        }

        async Plan ReturnToInitialPosition()
        {
            var resetGroup = "reset-" + group;
            foreach (var (axis, position) in initialPositions)
            {
                await Stubs.AbsSet(axis, position, resetGroup);
            }

            if (waitForAll)
            {
                await Stubs.Wait(resetGroup);
            }
        }

        await Preprocessors.Finalize(Preprocessors.Pchain(MoveToHome(), plan), ReturnToInitialPosition);
    }
}
