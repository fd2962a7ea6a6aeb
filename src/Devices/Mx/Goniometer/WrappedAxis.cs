using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// A view of a rotation motor as offset (whole turns) and phase (dodal's WrappedAxis, smargon-wrapped_omega). It
/// has no PVs of its own: both signals derive from the motor's readback and setting them moves the motor.
/// </summary>
public sealed class WrappedAxis : StandardReadable
{
    private readonly Motor _realMotor;

    /// <summary>Wraps <paramref name="realMotor"/>.</summary>
    public WrappedAxis(Motor realMotor, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(realMotor);
        _realMotor = realMotor;
        OffsetAndPhase = Derived.SignalRW<float[]>(GetOffsetAndPhaseAsync, SetOffsetAndPhaseAsync, sources: [realMotor.UserReadback]);
        Phase = Derived.SignalRW<double>(GetPhaseAsync, SetPhaseAsync, sources: [realMotor.UserReadback]);
        AddReadables(StandardReadableFormat.HintedSignal, OffsetAndPhase);
        AddReadables(StandardReadableFormat.Child, Phase);
        SetName(name);
    }

    /// <summary>[offset, phase] of the motor's readback (float32, as dodal's Array1D[np.float32]); setting it moves to offset + phase after normalising the phase.</summary>
    public SignalRW<float[]> OffsetAndPhase { get; }

    /// <summary>The phase in [0, 360); setting it moves the shortest way to that phase.</summary>
    public SignalRW<double> Phase { get; }

    private async Task<float[]> GetOffsetAndPhaseAsync(CancellationToken cancellationToken)
    {
        var wrapped = AngleWithPhase.Wrap(await _realMotor.UserReadback.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        return [(float)wrapped.Offset, (float)wrapped.Phase];
    }

    private async Task SetOffsetAndPhaseAsync(float[] value, CancellationToken cancellationToken)
    {
        if (value.Length != 2)
        {
            throw new ArgumentException($"{Name}: offset_and_phase takes [offset, phase], got {value.Length} values.", nameof(value));
        }

        var target = new AngleWithPhase(value[0], value[1]).Normalise();
        await _realMotor.MoveToAsync(target.Unwrap(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<double> GetPhaseAsync(CancellationToken cancellationToken) =>
        (await GetOffsetAndPhaseAsync(cancellationToken).ConfigureAwait(false))[1];

    private async Task SetPhaseAsync(double value, CancellationToken cancellationToken)
    {
        var current = await GetOffsetAndPhaseAsync(cancellationToken).ConfigureAwait(false);
        var target = new AngleWithPhase(current[0], current[1]).NearestTo(value);
        await _realMotor.MoveToAsync(target.Unwrap(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
