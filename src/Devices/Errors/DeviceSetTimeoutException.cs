namespace Hyperion.Devices.Errors;

/// <summary>A set that did not finish in time: names the device, the target and how long it ran.</summary>
public sealed class DeviceSetTimeoutException : TimeoutException
{
    /// <summary>Creates the error.</summary>
    public DeviceSetTimeoutException(string device, object? target, TimeSpan elapsed, TimeSpan limit, Exception? innerException = null)
        : base($"{device}: set to {target} did not finish within {limit.TotalSeconds:0.###} s (gave up after {elapsed.TotalSeconds:0.###} s).", innerException)
    {
        Device = device;
        Target = target;
        Elapsed = elapsed;
    }

    /// <summary>The device's name.</summary>
    public string Device { get; }

    /// <summary>The value it was set to.</summary>
    public object? Target { get; }

    /// <summary>How long the set ran before it timed out.</summary>
    public TimeSpan Elapsed { get; }
}
