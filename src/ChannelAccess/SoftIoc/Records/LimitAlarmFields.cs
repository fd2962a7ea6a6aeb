namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>The fields of an analog record's limit alarms: levels, severities, hysteresis and the last alarm level.</summary>
/// <param name="HiHi">HIHI.</param>
/// <param name="High">HIGH.</param>
/// <param name="Low">LOW.</param>
/// <param name="LoLo">LOLO.</param>
/// <param name="HiHiSeverity">HHSV.</param>
/// <param name="HighSeverity">HSV.</param>
/// <param name="LowSeverity">LSV.</param>
/// <param name="LoLoSeverity">LLSV.</param>
/// <param name="Hyst">HYST.</param>
/// <param name="LastAlarm">LALM.</param>
public sealed record LimitAlarmFields(
    RecordField HiHi,
    RecordField High,
    RecordField Low,
    RecordField LoLo,
    RecordField HiHiSeverity,
    RecordField HighSeverity,
    RecordField LowSeverity,
    RecordField LoLoSeverity,
    RecordField Hyst,
    RecordField LastAlarm)
{
    /// <summary>The alarm limits a client reads with the value: each level whose severity is set, otherwise NaN.</summary>
    public (double HiHi, double High, double Low, double LoLo) ForClients() => (
        HiHiSeverity.Number != 0 ? HiHi.Number : double.NaN,
        HighSeverity.Number != 0 ? High.Number : double.NaN,
        LowSeverity.Number != 0 ? Low.Number : double.NaN,
        LoLoSeverity.Number != 0 ? LoLo.Number : double.NaN);
}
