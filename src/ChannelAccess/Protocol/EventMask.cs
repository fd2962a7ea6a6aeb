namespace Hyperion.ChannelAccess.Protocol;

/// <summary>What a subscription is told about (DBE_* bits of EVENT_ADD's mask).</summary>
[Flags]
public enum EventMask : ushort
{
    /// <summary>No events: an invalid mask.</summary>
    None = 0,
    /// <summary>DBE_VALUE: the value changed by more than the monitor deadband (MDEL).</summary>
    Value = 1,
    /// <summary>DBE_LOG (DBE_ARCHIVE): the value changed by more than the archive deadband (ADEL).</summary>
    Log = 2,
    /// <summary>DBE_ALARM: the alarm status or severity changed.</summary>
    Alarm = 4,
    /// <summary>DBE_PROPERTY: a property (units, limits, enum strings) changed.</summary>
    Property = 8,
}
