namespace Hyperion.ChannelAccess.SoftIoc.Links;

/// <summary>A link's process modifier: what the link does to the record at its other end.</summary>
public enum LinkProcess
{
    /// <summary>NPP (the default): reading or writing does not process the other record.</summary>
    NoProcess,

    /// <summary>PP: process the other record (when it is Passive) before reading it or after writing it.</summary>
    ProcessPassive,

    /// <summary>CA: force a Channel Access link; here it behaves as NPP.</summary>
    ChannelAccess,

    /// <summary>CP: process this record whenever the linked field posts a value or alarm change.</summary>
    ChannelProcess,

    /// <summary>CPP: as CP, but only while this record's SCAN is Passive.</summary>
    ChannelProcessPassive,
}
