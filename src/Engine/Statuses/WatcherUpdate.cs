namespace Hyperion.Engine.Statuses;

/// <summary>
/// One progress update of a watchable operation (ophyd-async's WatcherUpdate): where it is, where it
/// started and where it is going, in which unit, and how far and how long.
/// </summary>
/// <param name="Current">The current value.</param>
/// <param name="Initial">The value when the operation started.</param>
/// <param name="Target">The value the operation is heading for.</param>
/// <param name="Name">What is moving or counting.</param>
/// <param name="Unit">Engineering unit of the values.</param>
/// <param name="Precision">Digits after the decimal point to show.</param>
/// <param name="Fraction">Fraction remaining, 1 at the start and 0 at the end (as ophyd-async defines it).</param>
/// <param name="TimeElapsed">Time since the operation started.</param>
/// <param name="TimeRemaining">Estimated time left.</param>
public sealed record WatcherUpdate(
    double Current,
    double Initial,
    double Target,
    string? Name = null,
    string? Unit = null,
    int? Precision = null,
    double? Fraction = null,
    TimeSpan? TimeElapsed = null,
    TimeSpan? TimeRemaining = null)
{
    /// <summary>Fraction remaining, computed from the values when not given.</summary>
    public double FractionRemaining => Fraction ?? (Target == Initial ? 0 : Math.Clamp((Target - Current) / (Target - Initial), 0, 1));
}
