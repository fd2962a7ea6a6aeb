using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// The storage ring as a beamline sees it (dodal's Synchrotron): ring current (SR-DI-DCCT-01), beam energy, mode
/// and user countdown (CS-CS-MSTAT-01), and the top-up countdowns and state (SR-CS-FILL-01). Current and energy
/// are read; mode, probe and type are configuration.
/// </summary>
public sealed class Synchrotron : StandardReadable
{
    /// <summary>The machine status prefix.</summary>
    public const string StatusPrefix = "CS-CS-MSTAT-01:";

    /// <summary>The top-up prefix.</summary>
    public const string TopUpPrefix = "SR-CS-FILL-01:";

    /// <summary>The ring current (DCCT) prefix.</summary>
    public const string SignalPrefix = "SR-DI-DCCT-01:";

    /// <summary>Creates the device; <paramref name="prefix"/> (normally empty) goes before each machine prefix.</summary>
    public Synchrotron(string prefix = "", string name = "")
        : base(string.Empty)
    {
        Current = Epics.SignalR<double>(prefix + SignalPrefix + "SIGNAL");
        Energy = Epics.SignalR<double>(prefix + StatusPrefix + "BEAMENERGY");
        Probe = Soft.SignalRAndSetter("x-ray").Signal;
        Type = Soft.SignalRAndSetter("Synchrotron X-ray Source").Signal;
        SynchrotronMode = Epics.SignalR<SynchrotronMode>(prefix + StatusPrefix + "MODE");
        MachineUserCountdown = Epics.SignalR<double>(prefix + StatusPrefix + "USERCOUNTDN");
        TopUpStartCountdown = Epics.SignalR<double>(prefix + TopUpPrefix + "COUNTDOWN");
        TopUpCountdown = Epics.SignalR<double>(prefix + TopUpPrefix + "STACOUNTDN");
        TopUpEndCountdown = Epics.SignalR<double>(prefix + TopUpPrefix + "ENDCOUNTDN");
        FillPeriod = Epics.SignalR<double>(prefix + TopUpPrefix + "FILLPERIOD");
        TopUpState = Epics.SignalR<TopUpState>(prefix + TopUpPrefix + "TOPUPSTATE");
        AddReadables(StandardReadableFormat.Child, Current, Energy);
        AddReadables(StandardReadableFormat.ConfigSignal, Probe, Type, SynchrotronMode);
        SetName(name);
    }

    /// <summary>The ring current in mA (SR-DI-DCCT-01:SIGNAL).</summary>
    public SignalR<double> Current { get; }

    /// <summary>The beam energy in GeV (CS-CS-MSTAT-01:BEAMENERGY).</summary>
    public SignalR<double> Energy { get; }

    /// <summary>"x-ray".</summary>
    public SignalR<string> Probe { get; }

    /// <summary>"Synchrotron X-ray Source".</summary>
    public SignalR<string> Type { get; }

    /// <summary>The machine mode (CS-CS-MSTAT-01:MODE).</summary>
    public SignalR<SynchrotronMode> SynchrotronMode { get; }

    /// <summary>In User mode, the seconds to the end of the user period (CS-CS-MSTAT-01:USERCOUNTDN).</summary>
    public SignalR<double> MachineUserCountdown { get; }

    /// <summary>Seconds to the start of top-up; 0 until the fill completes, then the time to the next (SR-CS-FILL-01:COUNTDOWN).</summary>
    public SignalR<double> TopUpStartCountdown { get; }

    /// <summary>Seconds to the start of the fill, reset at once (SR-CS-FILL-01:STACOUNTDN).</summary>
    public SignalR<double> TopUpCountdown { get; }

    /// <summary>Seconds to the end of the fill, reset at once to the end of the next (SR-CS-FILL-01:ENDCOUNTDN).</summary>
    public SignalR<double> TopUpEndCountdown { get; }

    /// <summary>Minutes between fills (SR-CS-FILL-01:FILLPERIOD).</summary>
    public SignalR<double> FillPeriod { get; }

    /// <summary>The top-up state (SR-CS-FILL-01:TOPUPSTATE).</summary>
    public SignalR<TopUpState> TopUpState { get; }
}
