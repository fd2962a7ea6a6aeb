namespace Hyperion.Devices.Mx.Beam;

/// <summary>The undulator refused a move because the beamline has no gap access (dodal's AccessError).</summary>
public sealed class AccessErrorException : Exception
{
    /// <summary>Creates the error for the undulator <paramref name="device"/>.</summary>
    public AccessErrorException(string device, string message)
        : base(message)
    {
        Device = device;
    }

    /// <summary>The undulator's name.</summary>
    public string Device { get; }
}
