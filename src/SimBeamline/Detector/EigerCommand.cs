namespace Hyperion.SimBeamline.Detector;

/// <summary>Something the twin's Eiger and Odin react to, queued from record events, the Zebra and its own workers.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Number">A value it carries (a demand, a count).</param>
/// <param name="Context">A trigger's grid point, or a failure.</param>
public readonly record struct EigerCommand(EigerCommandKind Kind, double Number = 0, object? Context = null);
