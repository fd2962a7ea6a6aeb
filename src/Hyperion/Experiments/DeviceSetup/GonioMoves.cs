using Hyperion.Cli.Experiments.Errors;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Engine.Errors;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.DeviceSetup;

/// <summary>Goniometer moves that turn an out-of-range position into a sample problem (mx-bluesky's gonio plans).</summary>
public static class GonioMoves
{
    /// <summary>
    /// Moves x, y and z to <paramref name="position"/> (mm); a motor-limit failure becomes a
    /// <see cref="SampleException"/> (the pin is too long, short or bent), any other failure is raised as it was.
    /// </summary>
    public static async Plan MoveGonioWarnOnOutOfRange(Smargon gonio, (double X, double Y, double Z) position)
    {
        ArgumentNullException.ThrowIfNull(gonio);
        try
        {
            await Stubs.Mv((gonio.X, position.X), (gonio.Y, position.Y), (gonio.Z, position.Z));
        }
        catch (FailedStatus failed) when (failed.InnerException is MotorLimitsException limits)
        {
            throw new SampleException("Pin tip centring failed - pin too long/short/bent and out of range", limits);
        }
    }
}
