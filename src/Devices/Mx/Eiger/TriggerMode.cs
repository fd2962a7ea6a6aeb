namespace Hyperion.Devices.Mx.Eiger;

/// <summary>How a collection ends (dodal's detector TriggerMode).</summary>
public enum TriggerMode
{
    /// <summary>A known number of frames: triggers × images per trigger.</summary>
    SetFrames = 1,

    /// <summary>Free run: the detector is given a huge trigger count and Odin is stopped once every frame has arrived.</summary>
    FreeRun = 2,
}
