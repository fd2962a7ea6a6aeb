using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>A zoom controller for an OAV without a zoom (dodal's NullZoomController): fixed at "1.0x", 100 %.</summary>
public sealed class NullZoomController : ZoomController
{
    /// <summary>Creates the controller.</summary>
    public NullZoomController(string name = "")
        : base(Soft.SignalRW(100.0), Soft.SignalRW("1.0x"), name)
    {
    }

    /// <summary>Accepts only "1.0x"; anything else is an <see cref="InvalidOperationException"/>.</summary>
    public override Task SetAsync(string level, CancellationToken cancellationToken = default) =>
        level != "1.0x"
            ? throw new InvalidOperationException("Attempting to set zoom level of a null zoom controller")
            : base.SetAsync(level, cancellationToken);
}
