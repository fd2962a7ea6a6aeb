namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// Odin was not ready: arming refuses with "Odin not initialised: ..." and the check after a collection with the
/// bare list (dodal's Exception and RuntimeError); <see cref="Problems"/> has one line per failed check.
/// </summary>
public sealed class OdinNotInitialisedException : Exception
{
    /// <summary>Creates the error; <paramref name="details"/> is dodal's newline-joined list, after <paramref name="lead"/>.</summary>
    public OdinNotInitialisedException(string device, string details, string lead = "Odin not initialised: ")
        : base(lead + details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Device = device;
        Problems = details.Split('\n');
    }

    /// <summary>The device that found it.</summary>
    public string Device { get; }

    /// <summary>Each failed check, e.g. "EigerFan is not connected".</summary>
    public IReadOnlyList<string> Problems { get; }
}
