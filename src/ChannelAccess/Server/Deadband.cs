namespace Hyperion.ChannelAccess.Server;

/// <summary>EPICS base's recGblCheckDeadband: whether a new value differs from the last posted one by more than a deadband.</summary>
internal static class Deadband
{
    /// <summary>
    /// True (and <paramref name="last"/> becomes <paramref name="value"/>) when the change exceeds
    /// <paramref name="deadband"/>. A change between finite and NaN or infinite, or between the infinities, always
    /// exceeds it; a negative deadband posts every value.
    /// </summary>
    public static bool Exceeded(ref double last, double value, double deadband)
    {
        double delta = 0;
        if (double.IsFinite(value) && double.IsFinite(last))
        {
            delta = Math.Abs(last - value);
        }
        else if (double.IsNaN(value) != double.IsNaN(last) || double.IsInfinity(value) != double.IsInfinity(last)
            || (double.IsInfinity(value) && value != last))
        {
            delta = double.PositiveInfinity;
        }

        if (!(delta > deadband))
        {
            return false;
        }

        last = value;
        return true;
    }
}
