namespace Hyperion.Engine.Protocols;

/// <summary>One reading of one data key: the value, when it was taken and its alarm state (ophyd-async's Reading).</summary>
/// <param name="Value">The value.</param>
/// <param name="Timestamp">Unix time of the value.</param>
/// <param name="AlarmSeverity">EPICS alarm severity: 0 none, 1 minor, 2 major, 3 invalid.</param>
/// <param name="Message">Alarm message, if any.</param>
public readonly record struct Reading(object? Value, double Timestamp, int AlarmSeverity = 0, string? Message = null);
