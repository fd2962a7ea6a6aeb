using Hyperion.Devices.Core;

namespace Hyperion.Devices.Beamlines;

/// <summary>How a beamline makes one of its devices (dodal's @device_factory): its name, the class, and the code.</summary>
/// <param name="Name">The device's name, which is also dodal's factory name (e.g. smargon).</param>
/// <param name="Create">Makes the device, given the beamline (for prefixes, configuration and other devices).</param>
/// <param name="AbsentOnSimulator">Whether the simulated beamline (s03) goes without it, as dodal's skip_device marks.</param>
public sealed record DeviceFactory(string Name, Func<Beamline, Device> Create, bool AbsentOnSimulator = false);
