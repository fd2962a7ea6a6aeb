using Hyperion.Devices.Errors;
using Hyperion.Devices.Motors;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// ophyd-async's Motor.check_value for moves that bypass Motor.set (the smargon's deferred move writes .VAL
/// directly). The core Motor keeps its own check private, so it is repeated here with ophyd-async's rule and message.
/// </summary>
internal static class MotorLimitCheck
{
    /// <summary>
    /// Fails with <see cref="MotorLimitsException"/> when the dial limits are set (not both 0) and the current
    /// readback or <paramref name="target"/> lies outside [LLM, HLM].
    /// </summary>
    public static async Task CheckValueAsync(Motor motor, double target, CancellationToken cancellationToken = default)
    {
        var low = motor.LowLimitTravel.GetValueAsync(cancellationToken: cancellationToken);
        var high = motor.HighLimitTravel.GetValueAsync(cancellationToken: cancellationToken);
        var dialLow = motor.DialLowLimitTravel.GetValueAsync(cancellationToken: cancellationToken);
        var dialHigh = motor.DialHighLimitTravel.GetValueAsync(cancellationToken: cancellationToken);
        var egu = motor.MotorEgu.GetValueAsync(cancellationToken: cancellationToken);
        var old = motor.UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        await Task.WhenAll(low, high, dialLow, dialHigh, egu, old).ConfigureAwait(false);
        if (dialLow.Result == 0 && dialHigh.Result == 0)
        {
            return;
        }

        var (l, h) = (low.Result, high.Result);
        if (old.Result < l || old.Result > h || target < l || target > h)
        {
            var u = egu.Result;
            throw new MotorLimitsException(
                motor.Name,
                $"{motor.Name} motor trajectory for requested fly/move is from {PythonFormat.Float(old.Result)}{u} to {PythonFormat.Float(target)}{u} but motor limits are {PythonFormat.Float(l)}{u} <= x <= {PythonFormat.Float(h)}{u} dial limits are {PythonFormat.Float(dialLow.Result)}{u} <= x <= {PythonFormat.Float(dialHigh.Result)}.");
        }
    }
}
