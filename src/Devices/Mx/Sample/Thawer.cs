using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>
/// The sample thawer (dodal's Thawer, i03 prefix BL03I-EA-THAW-01, no trailing colon): an on/off control and a
/// timer that thaws for a set time. Nothing is read.
/// </summary>
public sealed class Thawer : StandardReadable, IStoppable
{
    /// <summary>Creates the thawer; the control is <paramref name="prefix"/>:CTRL.</summary>
    public Thawer(string prefix, string name = "", TimeProvider? timeProvider = null)
        : base(string.Empty)
    {
        Control = Epics.SignalRW<OnOff>(prefix + ":CTRL");
        ThawForTimeS = new ThawingTimer(Control, timeProvider);
        SetName(name);
    }

    /// <summary>Switches the thawer on or off (:CTRL).</summary>
    public SignalRW<OnOff> Control { get; }

    /// <summary>Set to a number of seconds to thaw for that long.</summary>
    public ThawingTimer ThawForTimeS { get; }

    /// <summary>Stops any timed thaw and switches the thawer off.</summary>
    public async ValueTask StopAsync(bool success = true, CancellationToken cancellationToken = default)
    {
        await ThawForTimeS.StopAsync(success, cancellationToken).ConfigureAwait(false);
        await Control.SetAsync(OnOff.Off, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
