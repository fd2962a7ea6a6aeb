namespace Hyperion.ChannelAccess.Protocol;

/// <summary>A client's rights on a channel (the CA_PROTO_ACCESS_RIGHTS bit mask).</summary>
[Flags]
public enum AccessRights : uint
{
    /// <summary>Neither read nor write.</summary>
    None = 0,
    /// <summary>The client may read.</summary>
    Read = 1,
    /// <summary>The client may write.</summary>
    Write = 2,
    /// <summary>The client may read and write.</summary>
    ReadWrite = Read | Write,
}
