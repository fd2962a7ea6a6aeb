namespace Hyperion.Cli.Parameters;

/// <summary>
/// How the detector counts frames (dodal's TriggerMode). Its values are numbers on the wire, as dodal's
/// <c>Enum</c> with <c>auto()</c> values serialises them.
/// </summary>
public enum TriggerMode
{
    /// <summary>The number of frames is known when the detector is armed.</summary>
    SetFrames = 1,

    /// <summary>The number of frames is known only when the detector is unstaged.</summary>
    FreeRun = 2,
}
