using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Motors;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// The smargon's stub offsets (dodal's StubOffsets): re-centre the coordinate system on the current position, or
/// reset the stubs for robot loading. Not readable.
/// </summary>
public sealed class StubOffsets : Device, IMovable
{
    /// <summary>How close to 0 (mm) x, y and z must read after re-centring.</summary>
    public const double CenteredTolerance = 0.1;

    private readonly Motor[] _axes;

    /// <summary>Creates the stub offsets on <paramref name="prefix"/>; <paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/> are the smargon's axes that read 0 once re-centred.</summary>
    public StubOffsets(string prefix, Motor x, Motor y, Motor z, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        _axes = [x, y, z];
        CenterAtCurrentPosition = new SetWhenEnabled(prefix + "CENTER_CS");
        ToRobotLoad = new SetWhenEnabled(prefix + "SET_STUBS_TO_RL");
        SetName(name);
    }

    /// <summary>CENTER_CS: makes the current position the centre.</summary>
    public SetWhenEnabled CenterAtCurrentPosition { get; }

    /// <summary>SET_STUBS_TO_RL: resets the stubs to the robot-load position.</summary>
    public SetWhenEnabled ToRobotLoad { get; }

    /// <summary>
    /// <see cref="StubPosition.CurrentAsCenter"/> processes CENTER_CS, then waits (no time-out) for x, y and z in
    /// turn to read within 0.1 of 0; <see cref="StubPosition.ResetToRobotLoad"/> processes SET_STUBS_TO_RL.
    /// </summary>
    public async Task SetAsync(StubPosition value, CancellationToken cancellationToken = default)
    {
        if (value == StubPosition.CurrentAsCenter)
        {
            await CenterAtCurrentPosition.SetAsync(1, cancellationToken).ConfigureAwait(false);
            foreach (var axis in _axes)
            {
                await axis.UserReadback.WaitForValueAsync(v => Math.Abs(v) <= CenteredTolerance, Timeout.InfiniteTimeSpan, $"within {CenteredTolerance} of 0", cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await ToRobotLoad.SetAsync(1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sets to a <see cref="StubPosition"/>.</summary>
    public Status Set(object? value) => value is StubPosition position
        ? new Status(SetAsync(position), this)
        : throw new SignalTypeException(Name, $"set expects a {nameof(StubPosition)}, got {value?.GetType().Name ?? "null"}.");
}
