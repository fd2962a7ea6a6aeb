namespace Hyperion.Devices.Beamlines;

/// <summary>A device used a service (zocalo results, OAV images) the beamline was not given.</summary>
public sealed class UnconfiguredServiceException(string device, string service)
    : InvalidOperationException($"{device} needs {service}, but the beamline was built without one: pass it in BeamlineServices.")
{
    /// <summary>The device's name.</summary>
    public string Device { get; } = device;

    /// <summary>What was missing.</summary>
    public string Service { get; } = service;
}
