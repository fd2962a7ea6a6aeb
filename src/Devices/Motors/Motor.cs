using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Motors;

/// <summary>
/// An EPICS motor record (ophyd-async's Motor): set moves with limit checks and a time-out from the distance,
/// velocity and acceleration, reporting progress through a <see cref="WatchableStatus"/>; stop makes the move fail;
/// fly scans through prepare/kickoff/complete. Its readback reads under the motor's own name. Connected in mock
/// mode it moves instantly: the readback follows every setpoint put.
/// </summary>
public class Motor : StandardReadable, ILocatable, IStoppable, IPreparable, IFlyable
{
    private readonly TimeProvider _time;
    private volatile bool _setSuccess = true;
    private (double RampUpStart, double RampDownEnd, TimeSpan Timeout)? _flyPlan;
    private Status? _flyStatus;

    /// <summary>Creates the motor on the record <paramref name="prefix"/> (e.g. BL03I-MO-SGON-01:X).</summary>
    public Motor(string prefix, string name = "", TimeProvider? timeProvider = null)
        : base(string.Empty)
    {
        _time = timeProvider ?? TimeProvider.System;
        UserSetpoint = Epics.SignalRW<double>(prefix + ".VAL");
        UserReadback = Epics.SignalR<double>(prefix + ".RBV");
        Offset = Epics.SignalRW<double>(prefix + ".OFF");
        MotorEgu = Epics.SignalR<string>(prefix + ".EGU");
        Precision = Epics.SignalR<int>(prefix + ".PREC");
        Velocity = Epics.SignalRW<double>(prefix + ".VELO");
        MaxVelocity = Epics.SignalR<double>(prefix + ".VMAX");
        AccelerationTime = Epics.SignalRW<double>(prefix + ".ACCL");
        MotorDoneMove = Epics.SignalR<int>(prefix + ".DMOV");
        MotorIsMoving = Epics.SignalR<int>(prefix + ".MOVN");
        LowLimitTravel = Epics.SignalRW<double>(prefix + ".LLM");
        HighLimitTravel = Epics.SignalRW<double>(prefix + ".HLM");
        DialLowLimitTravel = Epics.SignalRW<double>(prefix + ".DLLM");
        DialHighLimitTravel = Epics.SignalRW<double>(prefix + ".DHLM");
        LowLimitSwitch = Epics.SignalR<int>(prefix + ".LLS");
        HighLimitSwitch = Epics.SignalR<int>(prefix + ".HLS");
        Deadband = Epics.SignalR<double>(prefix + ".RDBD");
        OffsetFreezeSwitch = Epics.SignalRW<OffsetMode>(prefix + ".FOFF");
        SetUseSwitch = Epics.SignalRW<UseSetMode>(prefix + ".SET");
        MotorStop = Epics.SignalX(prefix + ".STOP");
        AddReadables(StandardReadableFormat.ConfigSignal, MotorEgu, Velocity, Offset);
        AddReadables(StandardReadableFormat.HintedSignal, UserReadback);
        SetName(name);
    }

    /// <summary>VAL.</summary>
    public SignalRW<double> UserSetpoint { get; }

    /// <summary>RBV (read under the motor's name).</summary>
    public SignalR<double> UserReadback { get; }

    /// <summary>OFF.</summary>
    public SignalRW<double> Offset { get; }

    /// <summary>EGU.</summary>
    public SignalR<string> MotorEgu { get; }

    /// <summary>PREC.</summary>
    public SignalR<int> Precision { get; }

    /// <summary>VELO.</summary>
    public SignalRW<double> Velocity { get; }

    /// <summary>VMAX.</summary>
    public SignalR<double> MaxVelocity { get; }

    /// <summary>ACCL (seconds to reach VELO).</summary>
    public SignalRW<double> AccelerationTime { get; }

    /// <summary>DMOV: 1 when the motor is done moving.</summary>
    public SignalR<int> MotorDoneMove { get; }

    /// <summary>MOVN: 1 while moving.</summary>
    public SignalR<int> MotorIsMoving { get; }

    /// <summary>LLM (user coordinates).</summary>
    public SignalRW<double> LowLimitTravel { get; }

    /// <summary>HLM (user coordinates).</summary>
    public SignalRW<double> HighLimitTravel { get; }

    /// <summary>DLLM.</summary>
    public SignalRW<double> DialLowLimitTravel { get; }

    /// <summary>DHLM.</summary>
    public SignalRW<double> DialHighLimitTravel { get; }

    /// <summary>LLS: the low limit switch.</summary>
    public SignalR<int> LowLimitSwitch { get; }

    /// <summary>HLS: the high limit switch.</summary>
    public SignalR<int> HighLimitSwitch { get; }

    /// <summary>RDBD: the retry deadband.</summary>
    public SignalR<double> Deadband { get; }

    /// <summary>FOFF.</summary>
    public SignalRW<OffsetMode> OffsetFreezeSwitch { get; }

    /// <summary>SET.</summary>
    public SignalRW<UseSetMode> SetUseSwitch { get; }

    /// <summary>STOP.</summary>
    public SignalX MotorStop { get; }

    /// <inheritdoc/>
    public override void SetName(string name)
    {
        base.SetName(name);

        // As in ophyd-async, the readback is the motor's reading: read() gives {"smargon-x": ...}. The base
        // constructor names the tree before this constructor has made the signals.
        if (UserReadback is not null)
        {
            UserReadback.SetName(name);
        }
    }

    /// <summary>Moves to <paramref name="value"/> (a number); the status reports progress and fails if stopped or out of limits.</summary>
    public Status Set(object? value) => SetTo(SignalDatatype<double>.Coerce(value, Name));

    /// <summary>Moves to <paramref name="target"/>; <paramref name="timeout"/> overrides the time-out worked out from the move.</summary>
    public WatchableStatus SetTo(double target, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WatchableStatus.FromUpdates(MoveAsync(target, timeout, cancellationToken), this, cancellationToken);

    /// <summary>Moves to <paramref name="target"/> and waits for the move to finish.</summary>
    public Task MoveToAsync(double target, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SetTo(target, timeout, cancellationToken).Task;

    /// <inheritdoc/>
    public async ValueTask<Location> LocateAsync(CancellationToken cancellationToken = default)
    {
        var setpoint = UserSetpoint.GetValueAsync(cancellationToken: cancellationToken);
        var readback = UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        return new Location(await setpoint.ConfigureAwait(false), await readback.ConfigureAwait(false));
    }

    /// <summary>Stops the motor; a move in progress then fails unless <paramref name="success"/>.</summary>
    public async ValueTask StopAsync(bool success = false, CancellationToken cancellationToken = default)
    {
        _setSuccess = success;
        await MotorStop.TriggerAsync(wait: false, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    ValueTask IStoppable.StopAsync(bool success, CancellationToken cancellationToken) => StopAsync(success, cancellationToken);

    /// <summary>Prepares a fly scan (a <see cref="FlyMotorInfo"/>): checks speed and limits, moves to the ramp-up start, sets the fly velocity.</summary>
    public Status Prepare(object? value) => value is FlyMotorInfo info
        ? new Status(PrepareFlyAsync(info), this)
        : throw new SignalTypeException(Name, $"prepare expects a {nameof(FlyMotorInfo)}, got {value?.GetType().Name ?? "null"}.");

    /// <summary>Starts the prepared fly move.</summary>
    public Status Kickoff()
    {
        if (_flyPlan is not { } plan)
        {
            throw new InvalidOperationException($"{Name}: kickoff before prepare.");
        }

        _flyStatus = SetTo(plan.RampDownEnd, plan.Timeout);
        return Status.CompletedFor(this);
    }

    /// <summary>Completes when the fly move has finished.</summary>
    public Status Complete() => _flyStatus ?? throw new InvalidOperationException($"{Name}: complete before kickoff.");

    /// <inheritdoc/>
    protected override Task OnConnectedAsync(DeviceConnectOptions options, CancellationToken cancellationToken)
    {
        if (options.Mock)
        {
            InstallInstantMoves();
        }

        return Task.CompletedTask;
    }

    /// <summary>In mock mode: the readback follows each setpoint at once, with a done-moving motor of 1 mm/s.</summary>
    private void InstallInstantMoves()
    {
        UserSetpoint.Mock!.PutCallback = (value, _) =>
        {
            UserReadback.Mock!.SetValue(value);
            return Task.CompletedTask;
        };
        MotorDoneMove.Mock!.SetValue(1);
        if (Velocity.Mock!.Puts.Count == 0)
        {
            Velocity.Mock.SetValue(1);
        }

        MaxVelocity.Mock!.SetValue(10);
        MotorEgu.Mock!.SetValue("mm");
    }

    private async Task PrepareFlyAsync(FlyMotorInfo info)
    {
        var egu = await MotorEgu.GetValueAsync().ConfigureAwait(false);
        var maxVelocity = await MaxVelocity.GetValueAsync().ConfigureAwait(false);
        var acceleration = await AccelerationTime.GetValueAsync().ConfigureAwait(false);
        var flyVelocity = Math.Abs(info.EndPosition - info.StartPosition) / info.TimeForMove.TotalSeconds;
        if (maxVelocity > 0 && flyVelocity > maxVelocity)
        {
            throw new MotorLimitsException(Name, $"{Name}: a speed of {Fmt(flyVelocity)} {egu}/s was requested for a motor with a maximum speed of {Fmt(maxVelocity)} {egu}/s.");
        }

        var direction = Math.Sign(info.EndPosition - info.StartPosition);
        var ramp = acceleration * flyVelocity * 0.5;
        var rampUpStart = info.StartPosition - (direction * ramp);
        var rampDownEnd = info.EndPosition + (direction * ramp);
        await CheckLimitsAsync(rampUpStart, rampDownEnd).ConfigureAwait(false);
        await SetTo(rampUpStart).Task.ConfigureAwait(false);
        await Velocity.SetAsync(flyVelocity).ConfigureAwait(false);
        var flyTimeout = info.TimeForMove + TimeSpan.FromSeconds(2 * acceleration) + Signal.DefaultTimeout;
        _flyPlan = (rampUpStart, rampDownEnd, flyTimeout);
    }

    private async IAsyncEnumerable<WatcherUpdate> MoveAsync(double target, TimeSpan? timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _setSuccess = true;
        var oldTask = UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        var unitsTask = MotorEgu.GetValueAsync(cancellationToken: cancellationToken);
        var precisionTask = Precision.GetValueAsync(cancellationToken: cancellationToken);
        var velocityTask = Velocity.GetValueAsync(cancellationToken: cancellationToken);
        var accelerationTask = AccelerationTime.GetValueAsync(cancellationToken: cancellationToken);
        await Task.WhenAll(oldTask, unitsTask, precisionTask, velocityTask, accelerationTask).ConfigureAwait(false);
        var (old, units, precision, velocity, acceleration) = (oldTask.Result, unitsTask.Result, precisionTask.Result, velocityTask.Result, accelerationTask.Result);
        await CheckLimitsAsync(old, target).ConfigureAwait(false);
        var limit = timeout ?? MoveTimeout(Math.Abs(target - old), velocity, acceleration);
        var started = _time.GetTimestamp();
        var readbacks = Channel.CreateUnbounded<double>(new UnboundedChannelOptions { SingleReader = true });
        Task move;
        using (UserReadback.SubscribeValue(v => readbacks.Writer.TryWrite(v)))
        {
            move = UserSetpoint.SetAsync(target, wait: true, limit, cancellationToken);
            _ = move.ContinueWith(_ => readbacks.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await foreach (var current in readbacks.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return new WatcherUpdate(current, old, target, Name, units, precision, TimeElapsed: _time.GetElapsedTime(started));
            }
        }

        try
        {
            await move.ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new DeviceSetTimeoutException(Name, target, _time.GetElapsedTime(started), limit, e);
        }

        if (!_setSuccess)
        {
            throw new MotorStoppedException(Name, target);
        }
    }

    /// <summary>|Δ| / VELO + 2 · ACCL + the default time-out, as ophyd-async works it out.</summary>
    public static TimeSpan MoveTimeout(double distance, double velocity, double acceleration)
    {
        var moving = velocity > 0 ? distance / velocity : 0;
        return TimeSpan.FromSeconds(moving + (2 * acceleration)) + Signal.DefaultTimeout;
    }

    private async Task CheckLimitsAsync(double start, double end)
    {
        var low = await LowLimitTravel.GetValueAsync().ConfigureAwait(false);
        var high = await HighLimitTravel.GetValueAsync().ConfigureAwait(false);

        // Both limits 0 means the record has none.
        if (low == 0 && high == 0)
        {
            return;
        }

        if (start < low || start > high || end < low || end > high)
        {
            var egu = await MotorEgu.GetValueAsync().ConfigureAwait(false);
            throw new MotorLimitsException(Name, $"{Name}: a move from {Fmt(start)} {egu} to {Fmt(end)} {egu} would go outside the limits {Fmt(low)} {egu} < x < {Fmt(high)} {egu}.");
        }
    }

    private static string Fmt(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
