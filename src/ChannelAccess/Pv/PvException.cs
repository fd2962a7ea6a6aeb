using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Pv;

/// <summary>An operation on a PV failed; names the PV, the operation and, when the server gave one, the ECA status.</summary>
public class PvException : Exception
{
    /// <summary>Creates the error.</summary>
    public PvException(string pvName, string operation, string message, EcaStatus? status = null, Exception? innerException = null)
        : base($"{operation} of {pvName} failed: {message}{(status is null ? string.Empty : $" ({status.Name})")}", innerException)
    {
        PvName = pvName;
        Operation = operation;
        Status = status;
    }

    /// <summary>The PV.</summary>
    public string PvName { get; }

    /// <summary>What was attempted: "connect", "get", "put", "subscribe".</summary>
    public string Operation { get; }

    /// <summary>The server's ECA status, if any.</summary>
    public EcaStatus? Status { get; }
}
