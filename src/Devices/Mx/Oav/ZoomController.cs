using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OAV's motorised zoom (dodal's ZoomController) on <c>{bl}-EA-OAV-01:FZOOM:</c>. The level is an mbbo record
/// read as its label ("1.0x", "5.0x", ...); which labels exist is the IOC's business, and the OAV configuration's
/// zoom levels (<see cref="OavConfigBase"/>) say which of them the optics are calibrated for.
/// </summary>
public class ZoomController : Device, IMovable
{
    /// <summary>Creates the controller on <paramref name="prefix"/> (e.g. BL03I-EA-OAV-01:FZOOM:).</summary>
    public ZoomController(string prefix, string name = "")
        : this(Epics.SignalRW<double>(prefix + "ZOOMPOSCMD"), Epics.SignalRW<string>(prefix + "MP:SELECT"), name)
    {
    }

    /// <summary>Creates the controller over the given signals (for a controller with no hardware).</summary>
    protected ZoomController(SignalRW<double> percentage, SignalRW<string> level, string name)
        : base(string.Empty)
    {
        Percentage = percentage;
        Level = level;
        SetName(name);
    }

    /// <summary>ZOOMPOSCMD: the zoom position in percent.</summary>
    public SignalRW<double> Percentage { get; }

    /// <summary>MP:SELECT: the zoom level label.</summary>
    public SignalRW<string> Level { get; }

    /// <summary>Sets the zoom level (e.g. "5.0x").</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<string>.Coerce(value, Name)), this);

    /// <summary>
    /// Sets the level and waits for the IOC to finish: changing zoom may re-wire the areaDetector plugins, so a
    /// caller must not carry on before the put completes.
    /// </summary>
    public virtual Task SetAsync(string level, CancellationToken cancellationToken = default) =>
        Level.SetAsync(level, wait: true, cancellationToken: cancellationToken);
}
