using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>A record processed only once its disable field is 0 (dodal's SetWhenEnabled): <c>prefix.PROC</c> gated by <c>prefix.DISP</c>.</summary>
/// <param name="prefix">The record name, e.g. BL03I-MO-SGON-01:CENTER_CS.</param>
/// <param name="name">The device name.</param>
public sealed class SetWhenEnabled(string prefix, string name = "") : Device(name), IMovable
{
    /// <summary>PROC: the value written processes the record.</summary>
    public SignalRW<int> Proc { get; } = Epics.SignalRW<int>(prefix + ".PROC");

    /// <summary>DISP: non-zero while the record may not be processed.</summary>
    public SignalR<int> Disp { get; } = Epics.SignalR<int>(prefix + ".DISP");

    /// <summary>Waits, with no time-out, for DISP to be 0, then writes <paramref name="value"/> to PROC with callback.</summary>
    public async Task SetAsync(int value, CancellationToken cancellationToken = default)
    {
        await Disp.WaitForValueAsync(0, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await Proc.SetAsync(value, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="SetAsync"/>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<int>.Coerce(value, Name)), this);
}
