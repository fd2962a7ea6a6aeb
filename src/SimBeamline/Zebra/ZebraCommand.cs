namespace Hyperion.SimBeamline.Zebra;

/// <summary>Something the twin's Zebra reacts to, queued from record events and other twin devices.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Number">The input, encoder reading or level it concerns.</param>
/// <param name="Level">The new level of an input.</param>
/// <param name="Context">What a TTL pulse carries (a grid point), passed on to the detector.</param>
public readonly record struct ZebraCommand(ZebraCommandKind Kind, double Number = 0, bool Level = false, object? Context = null);
