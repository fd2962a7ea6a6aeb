namespace Hyperion.SimBeamline.Zebra;

/// <summary>A rising edge on the Zebra's detector output.</summary>
/// <param name="Source">The system-bus signal routed to the output (e.g. 7 for IN3_TTL, 31 for PC_PULSE).</param>
/// <param name="Context">What the pulse carried in (a grid point from the fast grid scan), or null.</param>
/// <param name="Timestamp">
/// When the edge happened on the twin's clock, when the Zebra knows it better than the moment it is handled (a time
/// pulse's due instant), or null.
/// </param>
public readonly record struct ZebraTrigger(int Source, object? Context, long? Timestamp = null);
