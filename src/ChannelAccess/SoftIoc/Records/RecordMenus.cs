namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>The menus of EPICS base and the motor module used by the record types here, choices in base's order.</summary>
public static class RecordMenus
{
    /// <summary>menuScan: when a record processes.</summary>
    public static RecordMenu Scan { get; } = new("menuScan", "Passive", "Event", "I/O Intr", "10 second", "5 second", "2 second", "1 second", ".5 second", ".2 second", ".1 second");

    /// <summary>menuPini: processing at initialization.</summary>
    public static RecordMenu Pini { get; } = new("menuPini", "NO", "YES", "RUN", "RUNNING", "PAUSE", "PAUSED");

    /// <summary>menuAlarmSevr: alarm severities.</summary>
    public static RecordMenu AlarmSevr { get; } = new("menuAlarmSevr", "NO_ALARM", "MINOR", "MAJOR", "INVALID");

    /// <summary>menuAlarmStat: alarm conditions.</summary>
    public static RecordMenu AlarmStat { get; } = new(
        "menuAlarmStat", "NO_ALARM", "READ", "WRITE", "HIHI", "HIGH", "LOLO", "LOW", "STATE", "COS", "COMM", "TIMEOUT",
        "HWLIMIT", "CALC", "SCAN", "LINK", "SOFT", "BAD_SUB", "UDF", "DISABLE", "SIMM", "READ_ACCESS", "WRITE_ACCESS");

    /// <summary>menuYesNo.</summary>
    public static RecordMenu YesNo { get; } = new("menuYesNo", "NO", "YES");

    /// <summary>menuPriority: scan priority.</summary>
    public static RecordMenu Priority { get; } = new("menuPriority", "LOW", "MEDIUM", "HIGH");

    /// <summary>menuOmsl: output mode select.</summary>
    public static RecordMenu Omsl { get; } = new("menuOmsl", "supervisory", "closed_loop");

    /// <summary>menuIvoa: what an output does when its severity is INVALID.</summary>
    public static RecordMenu Ivoa { get; } = new("menuIvoa", "Continue normally", "Don't drive outputs", "Set output to IVOV");

    /// <summary>menuFtype: a waveform's element type.</summary>
    public static RecordMenu Ftype { get; } = new("menuFtype", "STRING", "CHAR", "UCHAR", "SHORT", "USHORT", "LONG", "ULONG", "INT64", "UINT64", "FLOAT", "DOUBLE", "ENUM");

    /// <summary>menuConvert: linear conversion (breakpoint tables are not supported).</summary>
    public static RecordMenu Convert { get; } = new("menuConvert", "NO CONVERSION", "SLOPE", "LINEAR");

    /// <summary>menuSimm: simulation mode.</summary>
    public static RecordMenu Simm { get; } = new("menuSimm", "NO", "YES", "RAW");

    /// <summary>menuPost (stringin/stringout MPST, APST): when to post monitors.</summary>
    public static RecordMenu Post { get; } = new("menuPost", "On Change", "Always");

    /// <summary>waveformPOST: when a waveform posts monitors (note the order: Always first).</summary>
    public static RecordMenu WaveformPost { get; } = new("waveformPOST", "Always", "On Change");

    /// <summary>aoOIF: full or incremental output.</summary>
    public static RecordMenu AoOif { get; } = new("aoOIF", "Full", "Incremental");

    /// <summary>longoutOOPT: when a longout writes its output link.</summary>
    public static RecordMenu LongoutOopt { get; } = new("longoutOOPT", "Every Time", "On Change", "When Zero", "When Non-zero", "Transition To Zero", "Transition To Non-zero");

    /// <summary>The device support of the soft records here.</summary>
    public static RecordMenu SoftDevices { get; } = new("softDevices", "Soft Channel");

    /// <summary>The device support a motor record accepts; every one drives the simulated axis.</summary>
    public static RecordMenu MotorDevices { get; } = new("motorDevices", "Soft Channel", "asynMotor", "Motor Simulation");

    /// <summary>motorDIR: user direction.</summary>
    public static RecordMenu MotorDir { get; } = new("motorDIR", "Pos", "Neg");

    /// <summary>motorSET: use or set (calibration) mode.</summary>
    public static RecordMenu MotorSet { get; } = new("motorSET", "Use", "Set");

    /// <summary>motorFOFF: offset variable or frozen.</summary>
    public static RecordMenu MotorFoff { get; } = new("motorFOFF", "Variable", "Frozen");

    /// <summary>motorSPMG: stop, pause, move, go.</summary>
    public static RecordMenu MotorSpmg { get; } = new("motorSPMG", "Stop", "Pause", "Move", "Go");

    /// <summary>motorUEIP: use encoder or readback link.</summary>
    public static RecordMenu MotorUeip { get; } = new("motorUEIP", "No", "Yes");

    /// <summary>motorTORQ: torque enable.</summary>
    public static RecordMenu MotorTorq { get; } = new("motorTORQ", "Disable", "Enable");

    /// <summary>The scan period of a SCAN choice, or null for Passive, Event and I/O Intr.</summary>
    public static TimeSpan? ScanPeriod(int scanIndex) => scanIndex switch
    {
        3 => TimeSpan.FromSeconds(10),
        4 => TimeSpan.FromSeconds(5),
        5 => TimeSpan.FromSeconds(2),
        6 => TimeSpan.FromSeconds(1),
        7 => TimeSpan.FromMilliseconds(500),
        8 => TimeSpan.FromMilliseconds(200),
        9 => TimeSpan.FromMilliseconds(100),
        _ => null,
    };
}
