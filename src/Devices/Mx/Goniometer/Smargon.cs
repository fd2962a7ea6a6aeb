using Hyperion.Devices.Errors;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// The i03 smargon goniometer (dodal's Smargon on XYZWrappedOmegaStage): x, y, z, omega, chi, phi and the six real
/// motors, omega's wrapped view, stub offsets, the disabled flag and the deferred-move switch. Setting it with a
/// <see cref="CombinedMove"/> moves several axes together through a deferred move.
/// </summary>
public sealed class Smargon : StandardReadable, IMovable
{
    /// <summary>dodal's DEFERRED_MOVE_SET_TIMEOUT: how long each deferred axis has for its setpoint to read back the demand.</summary>
    public static readonly TimeSpan DefaultDeferredMoveSetTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates the smargon on <paramref name="prefix"/> (e.g. BL03I-MO-SGON-01:).</summary>
    public Smargon(string prefix, string name = "")
        : base(string.Empty)
    {
        X = new Motor(prefix + "X");
        Y = new Motor(prefix + "Y");
        Z = new Motor(prefix + "Z");
        Omega = new Motor(prefix + "OMEGA");
        WrappedOmega = new WrappedAxis(Omega);
        Chi = new Motor(prefix + "CHI");
        Phi = new Motor(prefix + "PHI");
        RealX1 = new Motor(prefix + "MOTOR_3");
        RealX2 = new Motor(prefix + "MOTOR_4");
        RealY = new Motor(prefix + "MOTOR_1");
        RealZ = new Motor(prefix + "MOTOR_2");
        RealPhi = new Motor(prefix + "MOTOR_5");
        RealChi = new Motor(prefix + "MOTOR_6");
        StubOffsets = new StubOffsets(prefix, X, Y, Z);
        Disabled = Epics.SignalR<int>(prefix + "DISABLED");
        DeferMove = Epics.SignalRW<DeferMoves>(prefix + "CS1:DeferMoves");
        AddReadables(StandardReadableFormat.Child, X, Y, Z, Omega, WrappedOmega, Chi, Phi, RealX1, RealX2, RealY, RealZ, RealPhi, RealChi, Disabled);
        SetName(name);
    }

    /// <summary>X (mm).</summary>
    public Motor X { get; }

    /// <summary>Y (mm).</summary>
    public Motor Y { get; }

    /// <summary>Z (mm).</summary>
    public Motor Z { get; }

    /// <summary>OMEGA (degrees, unwrapped).</summary>
    public Motor Omega { get; }

    /// <summary>Omega as offset and phase.</summary>
    public WrappedAxis WrappedOmega { get; }

    /// <summary>CHI (degrees).</summary>
    public Motor Chi { get; }

    /// <summary>PHI (degrees).</summary>
    public Motor Phi { get; }

    /// <summary>MOTOR_3: the first real x motor.</summary>
    public Motor RealX1 { get; }

    /// <summary>MOTOR_4: the second real x motor.</summary>
    public Motor RealX2 { get; }

    /// <summary>MOTOR_1: the real y motor.</summary>
    public Motor RealY { get; }

    /// <summary>MOTOR_2: the real z motor.</summary>
    public Motor RealZ { get; }

    /// <summary>MOTOR_5: the real phi motor.</summary>
    public Motor RealPhi { get; }

    /// <summary>MOTOR_6: the real chi motor.</summary>
    public Motor RealChi { get; }

    /// <summary>The stub offsets (CENTER_CS, SET_STUBS_TO_RL).</summary>
    public StubOffsets StubOffsets { get; }

    /// <summary>DISABLED: non-zero while the smargon is disabled.</summary>
    public SignalR<int> Disabled { get; }

    /// <summary>CS1:DeferMoves.</summary>
    public SignalRW<DeferMoves> DeferMove { get; }

    /// <summary>How long each deferred axis has for its setpoint to read back the demand (5 s).</summary>
    public TimeSpan DeferredMoveSetTimeout { get; set; } = DefaultDeferredMoveSetTimeout;

    /// <summary>Moves the axes given in <paramref name="value"/> together (see <see cref="SetAsync(IEnumerable{KeyValuePair{string, double?}}, CancellationToken)"/>).</summary>
    public Task SetAsync(CombinedMove value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetAsync(value.ToAxes(), cancellationToken);
    }

    /// <summary>
    /// A deferred move of the named motors (dodal's Smargon.set): switch deferral on; for each axis in order
    /// check its limits, put the setpoint with callback and wait up to <see cref="DeferredMoveSetTimeout"/> for the setpoint to read it back;
    /// always switch deferral off (so the held axes move together, also after a failure); then wait for every
    /// axis's put to complete. Null values are skipped.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A name is not one of the smargon's motors.</exception>
    /// <exception cref="MotorLimitsException">An axis would leave its limits; nothing more is put.</exception>
    /// <exception cref="TimeoutException">A setpoint did not read back its demand in time.</exception>
    public async Task SetAsync(IEnumerable<KeyValuePair<string, double?>> moves, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var setpoints = new List<(Motor Motor, double Value)>();
        foreach (var (motorName, value) in moves)
        {
            if (value is not { } target)
            {
                continue;
            }

            var motor = Children.FirstOrDefault(c => c.Key == motorName).Value as Motor
                ?? throw new KeyNotFoundException($"Motor {motorName} not found in combined move");
            setpoints.Add((motor, target));
        }

        var puts = new List<Task>();
        await DeferMove.SetAsync(DeferMoves.On, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (motor, target) in setpoints)
            {
                await MotorLimitCheck.CheckValueAsync(motor, target, cancellationToken).ConfigureAwait(false);
                puts.Add(await SignalSets.SetAndWaitForValueAsync(motor.UserSetpoint, target, DeferredMoveSetTimeout, waitForSetCompletion: false, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            await DeferMove.SetAsync(DeferMoves.Off, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(puts).ConfigureAwait(false);
    }

    /// <summary>Sets from a <see cref="CombinedMove"/> or motor-name/value pairs.</summary>
    public Status Set(object? value) => value switch
    {
        CombinedMove move => new Status(SetAsync(move), this),
        IEnumerable<KeyValuePair<string, double?>> moves => new Status(SetAsync(moves), this),
        IEnumerable<KeyValuePair<string, double>> moves => new Status(SetAsync(moves.Select(m => new KeyValuePair<string, double?>(m.Key, m.Value))), this),
        _ => throw new SignalTypeException(Name, $"set expects a {nameof(CombinedMove)}, got {value?.GetType().Name ?? "null"}."),
    };
}
