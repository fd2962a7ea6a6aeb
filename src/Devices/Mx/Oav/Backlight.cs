using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OAV backlight (dodal's Backlight): a pneumatic in/out axis and a power toggle. Moving it out switches it
/// off, moving it in switches it on; the axis has no readback, so a move that changes position waits
/// <see cref="TimeToMove"/> for it to get there.
/// </summary>
public sealed class Backlight : StandardReadable, IMovable
{
    /// <summary>How long the axis takes to move (timed on the beamline, 09/2024).</summary>
    public static readonly TimeSpan TimeToMove = TimeSpan.FromSeconds(1.0);

    private readonly TimeProvider _time;

    /// <summary>Creates the backlight under the beamline prefix (e.g. "BL03I", with no separator).</summary>
    public Backlight(string prefix, string name = "", TimeProvider? timeProvider = null)
        : base(string.Empty)
    {
        _time = timeProvider ?? TimeProvider.System;
        Power = Epics.SignalRW<OnOff>(prefix + "-EA-BLIT-01:TOGGLE");
        Position = Epics.SignalRW<InOut>(prefix + "-EA-BL-01:CTRL");
        AddReadables(StandardReadableFormat.Child, Power, Position);
        SetName(name);
    }

    /// <summary>-EA-BLIT-01:TOGGLE.</summary>
    public SignalRW<OnOff> Power { get; }

    /// <summary>-EA-BL-01:CTRL.</summary>
    public SignalRW<InOut> Position { get; }

    /// <summary>Moves in or out (an <see cref="InOut"/> or its label).</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<InOut>.Coerce(value, Name)), this);

    /// <summary>Moves to <paramref name="position"/>, switches the light to match, and waits out the travel when it moved.</summary>
    public async Task SetAsync(InOut position, CancellationToken cancellationToken = default)
    {
        var old = await Position.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Position.SetAsync(position, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Power.SetAsync(position == InOut.Out ? OnOff.Off : OnOff.On, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (old != position)
        {
            await Task.Delay(TimeToMove, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
