namespace Hyperion.ChannelAccess.Dbr;

/// <summary>EPICS alarm severities (alarm.h).</summary>
public enum AlarmSeverity : ushort
{
    /// <summary>NO_ALARM.</summary>
    NoAlarm = 0,
    /// <summary>MINOR_ALARM.</summary>
    Minor = 1,
    /// <summary>MAJOR_ALARM.</summary>
    Major = 2,
    /// <summary>INVALID_ALARM.</summary>
    Invalid = 3,
}
