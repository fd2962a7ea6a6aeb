namespace Hyperion.ChannelAccess.SoftIoc.Links;

/// <summary>A link's maximize-severity modifier: how the other record's alarm reaches this one.</summary>
public enum LinkSeverity
{
    /// <summary>NMS (the default): the alarm is not propagated.</summary>
    NoMaximize,

    /// <summary>MS: the severity is propagated with status LINK.</summary>
    Maximize,

    /// <summary>MSS: the severity and the status are propagated.</summary>
    MaximizeStatus,

    /// <summary>MSI: the severity is propagated (status LINK) only when it is INVALID.</summary>
    MaximizeIfInvalid,
}
