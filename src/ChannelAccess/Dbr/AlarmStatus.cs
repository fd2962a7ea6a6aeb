namespace Hyperion.ChannelAccess.Dbr;

/// <summary>EPICS alarm conditions (alarm.h's epicsAlarmCondition).</summary>
public enum AlarmStatus : ushort
{
    /// <summary>NO_ALARM.</summary>
    NoAlarm = 0,
    /// <summary>READ_ALARM.</summary>
    Read = 1,
    /// <summary>WRITE_ALARM.</summary>
    Write = 2,
    /// <summary>HIHI_ALARM.</summary>
    HiHi = 3,
    /// <summary>HIGH_ALARM.</summary>
    High = 4,
    /// <summary>LOLO_ALARM.</summary>
    LoLo = 5,
    /// <summary>LOW_ALARM.</summary>
    Low = 6,
    /// <summary>STATE_ALARM.</summary>
    State = 7,
    /// <summary>COS_ALARM (change of state).</summary>
    Cos = 8,
    /// <summary>COMM_ALARM.</summary>
    Comm = 9,
    /// <summary>TIMEOUT_ALARM.</summary>
    Timeout = 10,
    /// <summary>HW_LIMIT_ALARM.</summary>
    HwLimit = 11,
    /// <summary>CALC_ALARM.</summary>
    Calc = 12,
    /// <summary>SCAN_ALARM.</summary>
    Scan = 13,
    /// <summary>LINK_ALARM.</summary>
    Link = 14,
    /// <summary>SOFT_ALARM.</summary>
    Soft = 15,
    /// <summary>BAD_SUB_ALARM.</summary>
    BadSub = 16,
    /// <summary>UDF_ALARM (undefined value).</summary>
    Udf = 17,
    /// <summary>DISABLE_ALARM.</summary>
    Disable = 18,
    /// <summary>SIMM_ALARM.</summary>
    Simm = 19,
    /// <summary>READ_ACCESS_ALARM.</summary>
    ReadAccess = 20,
    /// <summary>WRITE_ACCESS_ALARM.</summary>
    WriteAccess = 21,
}
