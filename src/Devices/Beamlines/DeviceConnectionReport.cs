namespace Hyperion.Devices.Beamlines;

/// <summary>What connecting a beamline's devices gave: those connected and, by name, why the others did not.</summary>
/// <param name="Connected">The devices that connected.</param>
/// <param name="Failed">The devices that did not, with their errors.</param>
public sealed record DeviceConnectionReport(IReadOnlyList<string> Connected, IReadOnlyDictionary<string, Exception> Failed)
{
    /// <summary>Whether every device connected.</summary>
    public bool AllConnected => Failed.Count == 0;
}
