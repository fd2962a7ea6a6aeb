using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.GridScan;

/// <summary>The motion controller's program state (dodal's MotionProgram), on the smargon prefix.</summary>
public sealed class MotionProgram : Device
{
    /// <summary>Creates it on <paramref name="prefix"/>; without <paramref name="hasProgNum"/> the program number is a soft -1 (i02-1).</summary>
    public MotionProgram(string prefix, string name = "", bool hasProgNum = true)
        : base(string.Empty)
    {
        Running = Epics.SignalR<int>(prefix + "PROGBITS");
        ProgramNumber = hasProgNum ? Epics.SignalR<double>(prefix + "CS1:PROG_NUM") : Soft.SignalRAndSetter(-1.0).Signal;
        SetName(name);
    }

    /// <summary>PROGBITS: non-zero while a motion program runs.</summary>
    public SignalR<int> Running { get; }

    /// <summary>CS1:PROG_NUM: the program in coordinate system 1.</summary>
    public SignalR<double> ProgramNumber { get; }
}
