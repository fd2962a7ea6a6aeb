using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Robot;

/// <summary>
/// The BART sample-changing robot (dodal's BartRobot, i03 prefix BL03I-MO-ROBOT-01:). Setting a
/// <see cref="SampleLocation"/> loads that pin: it resets a tripped light curtain, waits for a busy robot, asks
/// for the puck and pin, triggers the load and waits for the old pin to leave and the new one to arrive, mapping
/// time-outs to the robot's own error codes. No signal is read: they are for control only.
/// </summary>
public sealed class BartRobot : StandardReadable, IMovable
{
    /// <summary>How long to wait for a robot that is busy (soaking or drying) before loading (dodal's NOT_BUSY_TIMEOUT).</summary>
    public static readonly TimeSpan DefaultNotBusyTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long the load itself may take (dodal's LOAD_TIMEOUT).</summary>
    public static readonly TimeSpan DefaultLoadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The PRG_ERR_CODE meaning the robot did not detect a pin.</summary>
    public const int NoPinErrorCode = 25;

    /// <summary>The CNTL_ERR_CODE meaning the light curtain was tripped.</summary>
    public const int LightCurtainTripped = 40;

    /// <summary>How far, in mm, the goniometer may be from its load position before a load fails (used by plans).</summary>
    public const double LoadToleranceMm = 0.02;

    private readonly ILogger _logger;

    /// <summary>Creates the robot on <paramref name="prefix"/> (e.g. BL03I-MO-ROBOT-01:).</summary>
    public BartRobot(string prefix, string name = "", ILogger? logger = null)
        : base(string.Empty)
    {
        _logger = logger ?? NullLogger.Instance;
        Barcode = Epics.SignalR<string>(prefix + "BARCODE");
        GonioPinSensor = Epics.SignalR<PinMounted>(prefix + "PIN_MOUNTED");
        NextPin = Epics.SignalRWRbv<double>(prefix + "NEXT_PIN");
        NextPuck = Epics.SignalRWRbv<double>(prefix + "NEXT_PUCK");
        CurrentPuck = Epics.SignalR<double>(prefix + "CURRENT_PUCK_RBV");
        CurrentPin = Epics.SignalR<double>(prefix + "CURRENT_PIN_RBV");
        NextSampleId = Epics.SignalRWRbv<int>(prefix + "NEXT_ID");
        SampleId = Epics.SignalR<int>(prefix + "CURRENT_ID_RBV");
        Load = Epics.SignalX(prefix + "LOAD.PROC");
        Unload = Epics.SignalX(prefix + "UNLOAD.PROC");
        ProgramRunning = Epics.SignalR<bool>(prefix + "PROGRAM_RUNNING");
        ProgramName = Epics.SignalR<string>(prefix + "PROGRAM_NAME");
        ProgError = new ErrorStatus(prefix + "PRG");
        ControllerError = new ErrorStatus(prefix + "CNTL");
        Reset = Epics.SignalX(prefix + "RESET.PROC");
        SetName(name);
    }

    /// <summary>The barcode of the pin on the goniometer (BARCODE).</summary>
    public SignalR<string> Barcode { get; }

    /// <summary>Whether a pin is on the goniometer (PIN_MOUNTED).</summary>
    public SignalR<PinMounted> GonioPinSensor { get; }

    /// <summary>The pin to load next (NEXT_PIN, read back on NEXT_PIN_RBV).</summary>
    public SignalRW<double> NextPin { get; }

    /// <summary>The puck to load from next (NEXT_PUCK, read back on NEXT_PUCK_RBV).</summary>
    public SignalRW<double> NextPuck { get; }

    /// <summary>The puck of the pin on the goniometer (CURRENT_PUCK_RBV).</summary>
    public SignalR<double> CurrentPuck { get; }

    /// <summary>The pin on the goniometer (CURRENT_PIN_RBV).</summary>
    public SignalR<double> CurrentPin { get; }

    /// <summary>The ISPyB sample id of the next pin (NEXT_ID, read back on NEXT_ID_RBV).</summary>
    public SignalRW<int> NextSampleId { get; }

    /// <summary>The ISPyB sample id of the pin on the goniometer (CURRENT_ID_RBV).</summary>
    public SignalR<int> SampleId { get; }

    /// <summary>Starts a load (LOAD.PROC).</summary>
    public SignalX Load { get; }

    /// <summary>
    /// Starts an unload (UNLOAD.PROC). Later dodal versions add this; their source was not available, so the PV
    /// follows the LOAD.PROC pattern.
    /// </summary>
    public SignalX Unload { get; }

    /// <summary>Whether the robot is running a program (PROGRAM_RUNNING).</summary>
    public SignalR<bool> ProgramRunning { get; }

    /// <summary>The program the robot is running (PROGRAM_NAME).</summary>
    public SignalR<string> ProgramName { get; }

    /// <summary>The robot program's error (PRG_ERR_MSG, PRG_ERR_CODE).</summary>
    public ErrorStatus ProgError { get; }

    /// <summary>The robot controller's error (CNTL_ERR_MSG, CNTL_ERR_CODE).</summary>
    public ErrorStatus ControllerError { get; }

    /// <summary>Resets the robot's errors (RESET.PROC).</summary>
    public SignalX Reset { get; }

    /// <summary>How long to wait for a busy robot (5 minutes unless changed, as tests do).</summary>
    public TimeSpan NotBusyTimeout { get; init; } = DefaultNotBusyTimeout;

    /// <summary>How long the load may take (60 s unless changed); the whole set may take this plus <see cref="NotBusyTimeout"/>.</summary>
    public TimeSpan LoadTimeout { get; init; } = DefaultLoadTimeout;

    /// <summary>How long the robot may take to read back the requested puck and pin (ophyd-async's default 10 s).</summary>
    public TimeSpan SetpointTimeout { get; init; } = Signal.DefaultTimeout;

    /// <summary>A plan's set: loads <paramref name="value"/>, which must be a <see cref="SampleLocation"/>.</summary>
    public Status Set(object? value) => value is SampleLocation location
        ? new Status(SetAsync(location), this)
        : throw new SignalTypeException(Name, $"{Name}: set expects a {nameof(SampleLocation)}, got {value?.GetType().Name ?? "null"}.");

    /// <summary>
    /// Loads the pin at <paramref name="location"/>. Fails with <see cref="RobotLoadFailedException"/>: code 25
    /// when no pin was detected, the robot's program or controller error when anything timed out with one set,
    /// otherwise code 0 "Robot timed out".
    /// </summary>
    public async Task SetAsync(SampleLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(LoadTimeout + NotBusyTimeout);
        try
        {
            await LoadPinAndPuckAsync(location, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            var timeout = e as TimeoutException ?? new TimeoutException($"{Name}: the load did not finish within {(LoadTimeout + NotBusyTimeout).TotalSeconds:0.###} s.", e);
            await ProgError.RaiseIfErrorAsync(timeout, cancellationToken).ConfigureAwait(false);
            await ControllerError.RaiseIfErrorAsync(timeout, cancellationToken).ConfigureAwait(false);
            throw new RobotLoadFailedException(0, "Robot timed out", timeout);
        }
    }

    /// <summary>
    /// Waits until either the new pin is mounted or the robot reports no pin found (then fails with code 25),
    /// whichever comes first; neither has a time-out of its own.
    /// </summary>
    public async Task PinMountedOrNoPinFoundAsync(CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var noPin = NoPinFoundAsync(race.Token);
        var mounted = GonioPinSensor.WaitForValueAsync(PinMounted.PinMounted, Timeout.InfiniteTimeSpan, race.Token);
        var first = await Task.WhenAny(noPin, mounted).ConfigureAwait(false);
        await race.CancelAsync().ConfigureAwait(false);
        await first.ConfigureAwait(false);
    }

    private async Task NoPinFoundAsync(CancellationToken cancellationToken)
    {
        await ProgError.Code.WaitForValueAsync(NoPinErrorCode, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        throw new RobotLoadFailedException(NoPinErrorCode, "Pin was not detected");
    }

    private async Task LoadPinAndPuckAsync(SampleLocation location, CancellationToken cancellationToken)
    {
        if (await ControllerError.Code.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == LightCurtainTripped)
        {
            RobotLog.LightCurtainTripped(_logger);
            await Reset.TriggerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        RobotLog.LoadingPin(_logger, location);
        if (await ProgramRunning.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var program = await ProgramName.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            RobotLog.WaitingOnProgram(_logger, program);
            await ProgramRunning.WaitForValueAsync(false, NotBusyTimeout, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(
            SetAndWaitForValueAsync(NextPuck, location.Puck, cancellationToken),
            SetAndWaitForValueAsync(NextPin, location.Pin, cancellationToken)).ConfigureAwait(false);
        await Load.TriggerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await GonioPinSensor.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == PinMounted.PinMounted)
        {
            RobotLog.WaitingOnOldPin(_logger);
            await GonioPinSensor.WaitForValueAsync(PinMounted.NoPinMounted, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }

        RobotLog.WaitingOnNewPin(_logger);
        await PinMountedOrNoPinFoundAsync(cancellationToken).ConfigureAwait(false);
    }

    // As ophyd-async's set_and_wait_for_value with wait_for_set_completion: a put with callback, the readback
    // matching, then the put's completion, all within the set-point time-out.
    private async Task SetAndWaitForValueAsync(SignalRW<double> signal, double value, CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            signal.SetAsync(value, wait: true, SetpointTimeout, cancellationToken),
            signal.WaitForValueAsync(value, SetpointTimeout, cancellationToken)).ConfigureAwait(false);
    }
}
