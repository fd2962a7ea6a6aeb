namespace Hyperion.Devices.Mx.Eiger;

/// <summary>The Eiger's time-outs (dodal's EigerTimeouts); <see cref="ForBeamline"/> gives a beamline's set.</summary>
/// <param name="StaleParamsTimeout">How long to wait for CAM:StaleParameters_RBV to clear while arming.</param>
/// <param name="GeneralStatusTimeout">The time-out of every ordinary put-and-readback while arming and disarming.</param>
/// <param name="MetaFileReadyTimeout">How long to wait for the meta listener to start writing after capture.</param>
/// <param name="AllFramesTimeout">How long unstage waits for every frame in free-run mode.</param>
/// <param name="ArmingTimeout">How long stage, unstage and stop wait on an arm already running, and stage on its own arm.</param>
public sealed record EigerTimeouts(
    TimeSpan StaleParamsTimeout,
    TimeSpan GeneralStatusTimeout,
    TimeSpan MetaFileReadyTimeout,
    TimeSpan AllFramesTimeout,
    TimeSpan ArmingTimeout)
{
    /// <summary>The dataclass defaults: 60, 10, 30, 120 and 60 s.</summary>
    public static EigerTimeouts Default { get; } = new(
        TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60));

    /// <summary>dodal's AVAILABLE_TIMEOUTS: only i03 is listed (general status 20 s); every other beamline uses i03's.</summary>
    public static IReadOnlyDictionary<string, EigerTimeouts> AvailableTimeouts { get; } = new Dictionary<string, EigerTimeouts>
    {
        ["i03"] = Default with { GeneralStatusTimeout = TimeSpan.FromSeconds(20) },
    };

    /// <summary>The time-outs of <paramref name="beamline"/>, falling back to i03's as dodal does.</summary>
    public static EigerTimeouts ForBeamline(string beamline) =>
        AvailableTimeouts.TryGetValue(beamline, out var timeouts) ? timeouts : AvailableTimeouts["i03"];
}
