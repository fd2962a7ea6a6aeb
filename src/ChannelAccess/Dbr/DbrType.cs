namespace Hyperion.ChannelAccess.Dbr;

/// <summary>The DBR data types of Channel Access (EPICS base's db_access.h), with their wire numbers.</summary>
public enum DbrType : ushort
{
    /// <summary>DBR_STRING (0): plain.</summary>
    String = 0,
    /// <summary>DBR_SHORT (1): plain.</summary>
    Short = 1,
    /// <summary>DBR_FLOAT (2): plain.</summary>
    Float = 2,
    /// <summary>DBR_ENUM (3): plain.</summary>
    Enum = 3,
    /// <summary>DBR_CHAR (4): plain.</summary>
    Char = 4,
    /// <summary>DBR_LONG (5): plain.</summary>
    Long = 5,
    /// <summary>DBR_DOUBLE (6): plain.</summary>
    Double = 6,
    /// <summary>DBR_STS_STRING (7): status and severity.</summary>
    StsString = 7,
    /// <summary>DBR_STS_SHORT (8): status and severity.</summary>
    StsShort = 8,
    /// <summary>DBR_STS_FLOAT (9): status and severity.</summary>
    StsFloat = 9,
    /// <summary>DBR_STS_ENUM (10): status and severity.</summary>
    StsEnum = 10,
    /// <summary>DBR_STS_CHAR (11): status and severity.</summary>
    StsChar = 11,
    /// <summary>DBR_STS_LONG (12): status and severity.</summary>
    StsLong = 12,
    /// <summary>DBR_STS_DOUBLE (13): status and severity.</summary>
    StsDouble = 13,
    /// <summary>DBR_TIME_STRING (14): status, severity and timestamp.</summary>
    TimeString = 14,
    /// <summary>DBR_TIME_SHORT (15): status, severity and timestamp.</summary>
    TimeShort = 15,
    /// <summary>DBR_TIME_FLOAT (16): status, severity and timestamp.</summary>
    TimeFloat = 16,
    /// <summary>DBR_TIME_ENUM (17): status, severity and timestamp.</summary>
    TimeEnum = 17,
    /// <summary>DBR_TIME_CHAR (18): status, severity and timestamp.</summary>
    TimeChar = 18,
    /// <summary>DBR_TIME_LONG (19): status, severity and timestamp.</summary>
    TimeLong = 19,
    /// <summary>DBR_TIME_DOUBLE (20): status, severity and timestamp.</summary>
    TimeDouble = 20,
    /// <summary>DBR_GR_STRING (21): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrString = 21,
    /// <summary>DBR_GR_SHORT (22): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrShort = 22,
    /// <summary>DBR_GR_FLOAT (23): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrFloat = 23,
    /// <summary>DBR_GR_ENUM (24): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrEnum = 24,
    /// <summary>DBR_GR_CHAR (25): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrChar = 25,
    /// <summary>DBR_GR_LONG (26): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrLong = 26,
    /// <summary>DBR_GR_DOUBLE (27): graphic: status, severity, units, precision, display and alarm limits.</summary>
    GrDouble = 27,
    /// <summary>DBR_CTRL_STRING (28): control: graphic plus control limits.</summary>
    CtrlString = 28,
    /// <summary>DBR_CTRL_SHORT (29): control: graphic plus control limits.</summary>
    CtrlShort = 29,
    /// <summary>DBR_CTRL_FLOAT (30): control: graphic plus control limits.</summary>
    CtrlFloat = 30,
    /// <summary>DBR_CTRL_ENUM (31): control: graphic plus control limits.</summary>
    CtrlEnum = 31,
    /// <summary>DBR_CTRL_CHAR (32): control: graphic plus control limits.</summary>
    CtrlChar = 32,
    /// <summary>DBR_CTRL_LONG (33): control: graphic plus control limits.</summary>
    CtrlLong = 33,
    /// <summary>DBR_CTRL_DOUBLE (34): control: graphic plus control limits.</summary>
    CtrlDouble = 34,
    /// <summary>DBR_PUT_ACKT (35): set the alarm acknowledge-transient flag.</summary>
    PutAckt = 35,
    /// <summary>DBR_PUT_ACKS (36): acknowledge an alarm severity.</summary>
    PutAcks = 36,
    /// <summary>DBR_STSACK_STRING (37): status, severity, acknowledge flags and a string value.</summary>
    StsackString = 37,
    /// <summary>DBR_CLASS_NAME (38): the record type's name.</summary>
    ClassName = 38,
}
