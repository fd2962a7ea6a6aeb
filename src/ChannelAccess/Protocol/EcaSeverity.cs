namespace Hyperion.ChannelAccess.Protocol;

/// <summary>The severity bits of an ECA status code (caerr.h's CA_K_* values).</summary>
public enum EcaSeverity
{
    /// <summary>Unsuccessful (CA_K_WARNING).</summary>
    Warning = 0,
    /// <summary>Successful (CA_K_SUCCESS).</summary>
    Success = 1,
    /// <summary>Failed; continue (CA_K_ERROR).</summary>
    Error = 2,
    /// <summary>Successful, informational (CA_K_INFO).</summary>
    Info = 3,
    /// <summary>Failed; quit (CA_K_SEVERE).</summary>
    Severe = 4,
    /// <summary>Error and severe (CA_K_FATAL).</summary>
    Fatal = 6,
}
