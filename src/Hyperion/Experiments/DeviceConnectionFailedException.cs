using Hyperion.Devices.Beamlines;

namespace Hyperion.Cli.Experiments;

/// <summary>Some devices did not connect at start-up; the report names each with its error.</summary>
public sealed class DeviceConnectionFailedException(DeviceConnectionReport report)
    : Exception($"{report?.Failed.Count} device(s) failed to connect: {string.Join("; ", report?.Failed.Select(f => $"{f.Key}: {f.Value.Message}") ?? [])}")
{
    /// <summary>Which devices connected and which did not.</summary>
    public DeviceConnectionReport Report { get; } = report ?? throw new ArgumentNullException(nameof(report));
}
