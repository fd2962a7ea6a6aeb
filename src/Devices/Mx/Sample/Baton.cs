using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>
/// Who controls the beamline (dodal's Baton, i03 prefix BL03I-CS-BATON-01:): the requested and current user and
/// whether the beamline is in commissioning mode (plans then run without beam, and the undulator and XBPM
/// feedback hold still). All three are read uncached.
/// </summary>
public sealed class Baton : StandardReadable
{
    /// <summary>Creates the baton on <paramref name="prefix"/>.</summary>
    public Baton(string prefix, string name = "")
        : base(string.Empty)
    {
        RequestedUser = Epics.SignalRW<string>(prefix + "REQUESTED_USER");
        CurrentUser = Epics.SignalRW<string>(prefix + "CURRENT_USER");
        Commissioning = Epics.SignalR<bool>(prefix + "COMMISSIONING");
        AddReadables(StandardReadableFormat.HintedUncachedSignal, RequestedUser, CurrentUser, Commissioning);
        SetName(name);
    }

    /// <summary>Who asks for the baton (REQUESTED_USER).</summary>
    public SignalRW<string> RequestedUser { get; }

    /// <summary>Who holds the baton (CURRENT_USER).</summary>
    public SignalRW<string> CurrentUser { get; }

    /// <summary>Whether commissioning mode is on (COMMISSIONING).</summary>
    public SignalR<bool> Commissioning { get; }
}
