namespace Hyperion.ChannelAccess.Protocol;

/// <summary>Bytes that break the Channel Access protocol: a malformed, truncated or oversized message, or an unknown type.</summary>
public sealed class CaProtocolException : Exception
{
    /// <summary>Creates the error.</summary>
    public CaProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with the ECA status a server answers it with.</summary>
    public CaProtocolException(string message, EcaStatus status)
        : base(message) => Status = status;

    /// <summary>The ECA status that describes the problem, when there is one.</summary>
    public EcaStatus? Status { get; }
}
