namespace Hyperion.Devices.Mx.Eiger;

/// <summary>Arming (dodal's run_functions_without_blocking chain, or a wait on it) ran past its time-out.</summary>
public sealed class EigerArmingTimeoutException : TimeoutException
{
    /// <summary>Creates the error.</summary>
    public EigerArmingTimeoutException(string device, string step, TimeSpan limit, Exception? innerException = null)
        : base($"{device}: arming did not finish within {limit.TotalSeconds:0.###} s (at step {step}).", innerException)
    {
        Device = device;
        Step = step;
        Limit = limit;
    }

    /// <summary>The detector's name.</summary>
    public string Device { get; }

    /// <summary>The arming step running when time ran out.</summary>
    public string Step { get; }

    /// <summary>The time-out.</summary>
    public TimeSpan Limit { get; }
}
