namespace Hyperion.ChannelAccess.Client;

/// <summary>What a request awaiting its reply is.</summary>
internal enum PendingOperationKind
{
    /// <summary>A READ_NOTIFY for the user.</summary>
    Read,

    /// <summary>A WRITE_NOTIFY for the user.</summary>
    Write,

    /// <summary>The DBR_CTRL_* read that fetches a channel's metadata as it connects.</summary>
    Metadata,
}
