using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.GridScan;

/// <summary>
/// A fast grid scan run by the motion controller (dodal's FastGridScanCommon): prepare writes the parameters and
/// waits for them to be read back and validated, kickoff starts the motion program, complete waits for it to end.
/// Nothing is readable.
/// </summary>
/// <typeparam name="TParams">The parameter model prepare takes.</typeparam>
public abstract class FastGridScanCommon<TParams> : StandardReadable, IFlyable, IPreparable
    where TParams : GridScanParamsCommon
{
    private readonly List<MovableParam> _movableParams = [];
    private readonly ILogger _logger;

    /// <summary>Creates the common signals on <paramref name="fullPrefix"/> (e.g. BL03I-MO-SGON-01:FGS:), the motion program on <paramref name="motionControllerPrefix"/>.</summary>
    protected FastGridScanCommon(string fullPrefix, string motionControllerPrefix, ILogger? logger = null)
        : base(string.Empty)
    {
        _logger = logger ?? NullLogger.Instance;
        XSteps = Epics.SignalRWRbv<int>(fullPrefix + "X_NUM_STEPS");
        YSteps = Epics.SignalRWRbv<int>(fullPrefix + "Y_NUM_STEPS");
        XStepSize = Epics.SignalRWRbv<double>(fullPrefix + "X_STEP_SIZE");
        YStepSize = Epics.SignalRWRbv<double>(fullPrefix + "Y_STEP_SIZE");
        XStart = Epics.SignalRWRbv<double>(fullPrefix + "X_START");
        Y1Start = Epics.SignalRWRbv<double>(fullPrefix + "Y_START");
        Z1Start = Epics.SignalRWRbv<double>(fullPrefix + "Z_START");
        YCounter = Epics.SignalR<int>(fullPrefix + "Y_COUNTER");
        XScanValid = Epics.SignalR<double>(fullPrefix + "X_SCAN_VALID");
        YScanValid = Epics.SignalR<double>(fullPrefix + "Y_SCAN_VALID");
        ZScanValid = Epics.SignalR<double>(fullPrefix + "Z_SCAN_VALID");
        DeviceScanInvalid = Epics.SignalR<double>(fullPrefix + "SCAN_INVALID");
        ScanInvalid = Derived.SignalR(ComputeScanInvalidAsync, sources: [XScanValid, YScanValid, ZScanValid, DeviceScanInvalid]);
        RunCmd = Epics.SignalX(fullPrefix + "RUN.PROC");
        StopCmd = Epics.SignalX(fullPrefix + "STOP.PROC");
        Status = Epics.SignalR<int>(fullPrefix + "SCAN_STATUS");
        MotionProgram = new MotionProgram(motionControllerPrefix);

        AddMovableParam("x_steps", XSteps, p => p.XSteps);
        AddMovableParam("y_steps", YSteps, p => p.YSteps);
        AddMovableParam("x_step_size_mm", XStepSize, p => p.XStepSizeMm);
        AddMovableParam("y_step_size_mm", YStepSize, p => p.YStepSizeMm);
        AddMovableParam("x_start_mm", XStart, p => p.XStartMm);
        AddMovableParam("y1_start_mm", Y1Start, p => p.Y1StartMm);
        AddMovableParam("z1_start_mm", Z1Start, p => p.Z1StartMm);
    }

    /// <summary>X_NUM_STEPS (readback _RBV).</summary>
    public SignalRW<int> XSteps { get; }

    /// <summary>Y_NUM_STEPS: vertical steps of the first grid.</summary>
    public SignalRW<int> YSteps { get; }

    /// <summary>X_STEP_SIZE (mm).</summary>
    public SignalRW<double> XStepSize { get; }

    /// <summary>Y_STEP_SIZE (mm).</summary>
    public SignalRW<double> YStepSize { get; }

    /// <summary>X_START (mm).</summary>
    public SignalRW<double> XStart { get; }

    /// <summary>Y_START (mm): dodal calls it y1_start, the PV has no 1.</summary>
    public SignalRW<double> Y1Start { get; }

    /// <summary>Z_START (mm): dodal calls it z1_start, the PV has no 1.</summary>
    public SignalRW<double> Z1Start { get; }

    /// <summary>Y_COUNTER.</summary>
    public SignalR<int> YCounter { get; }

    /// <summary>X_SCAN_VALID.</summary>
    public SignalR<double> XScanValid { get; }

    /// <summary>Y_SCAN_VALID.</summary>
    public SignalR<double> YScanValid { get; }

    /// <summary>Z_SCAN_VALID.</summary>
    public SignalR<double> ZScanValid { get; }

    /// <summary>SCAN_INVALID: the controller's own verdict.</summary>
    public SignalR<double> DeviceScanInvalid { get; }

    /// <summary>1.0 unless x, y and z are valid (non-zero) and the device does not say invalid (zero), then 0.0.</summary>
    public SignalR<double> ScanInvalid { get; }

    /// <summary>RUN.PROC: starts the scan.</summary>
    public SignalX RunCmd { get; }

    /// <summary>STOP.PROC: stops (aborts) the scan.</summary>
    public SignalX StopCmd { get; }

    /// <summary>SCAN_STATUS: 1 while running, 0 when idle.</summary>
    public SignalR<int> Status { get; }

    /// <summary>The motion program (PROGBITS, CS1:PROG_NUM).</summary>
    public MotionProgram MotionProgram { get; }

    /// <summary>The position counter: written at POS_COUNTER_WRITE, read at POS_COUNTER (Y_COUNTER for the PandA).</summary>
    public abstract SignalRW<int> PositionCounter { get; }

    /// <summary>How long kickoff waits for a previous program to stop and then for the scan to start (KICKOFF_TIMEOUT, 5 s).</summary>
    public TimeSpan KickoffTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long complete waits for the scan to go idle (COMPLETE_STATUS, 60 s).</summary>
    public TimeSpan CompleteStatusTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long prepare waits for the validity checks to pass (VALIDITY_CHECK_TIMEOUT, 0.5 s).</summary>
    public TimeSpan ValidityCheckTimeout { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How long prepare waits for each parameter's readback (ophyd-async's default, 10 s).</summary>
    public TimeSpan ParameterSetTimeout { get; set; } = Signal.DefaultTimeout;

    /// <summary>The parameters prepare writes, in order: the model's field name and the signal written.</summary>
    public IReadOnlyList<KeyValuePair<string, Device>> MovableParams => [.. _movableParams.Select(p => new KeyValuePair<string, Device>(p.Key, p.Signal))];

    /// <summary>The logger for dodal's progress messages.</summary>
    protected ILogger Logger => _logger;

    /// <summary>Registers a parameter prepare writes after those already registered.</summary>
    protected void AddMovableParam<TValue>(string key, SignalRW<TValue> signal, Func<TParams, TValue> select)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(select);
        _movableParams.Add(new MovableParam(key, signal, (p, ct) => SignalSets.SetAndWaitForValueAsync(signal, select(p), ParameterSetTimeout, cancellationToken: ct)));
    }

    /// <summary>
    /// Writes every parameter in order, each confirmed by its readback equalling it exactly; zeroes the position
    /// counter the same way; then waits for scan_invalid to be 0.
    /// </summary>
    /// <exception cref="TimeoutException">A readback did not match within <see cref="ParameterSetTimeout"/>.</exception>
    /// <exception cref="GridScanInvalidException">The controller did not validate the scan within <see cref="ValidityCheckTimeout"/>.</exception>
    public async Task PrepareAsync(TParams value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        FastGridScanLog.ApplyingParameters(_logger);
        var puts = new List<Task>();
        foreach (var param in _movableParams)
        {
            puts.Add(await param.Apply(value, cancellationToken).ConfigureAwait(false));
        }

        puts.Add(await SignalSets.SetAndWaitForValueAsync(PositionCounter, 0, ParameterSetTimeout, cancellationToken: cancellationToken).ConfigureAwait(false));
        FastGridScanLog.ParametersApplied(_logger);
        await Task.WhenAll(puts).ConfigureAwait(false);
        FastGridScanLog.SetsConfirmed(_logger);
        try
        {
            await ScanInvalid.WaitForValueAsync(0.0, ValidityCheckTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new GridScanInvalidException(ValidityCheckTimeout, e);
        }

        FastGridScanLog.Prepared(_logger);
    }

    /// <summary>Prepares with a <typeparamref name="TParams"/>.</summary>
    public Status Prepare(object? value) => value is TParams parameters
        ? new Status(PrepareAsync(parameters), this)
        : throw new SignalTypeException(Name, $"prepare expects a {typeof(TParams).Name}, got {value?.GetType().Name ?? "null"}.");

    /// <summary>
    /// Waits (up to <see cref="KickoffTimeout"/>) for a motion program still running to stop, triggers RUN.PROC,
    /// then waits (up to <see cref="KickoffTimeout"/>) for SCAN_STATUS to be 1.
    /// </summary>
    /// <exception cref="TimeoutException">The previous program did not stop, or the scan did not start, in time.</exception>
    public async Task KickoffAsync(CancellationToken cancellationToken = default)
    {
        var program = await MotionProgram.ProgramNumber.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var running = await MotionProgram.Running.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (running != 0)
        {
            FastGridScanLog.ProgramStillRunning(_logger, program);
            await MotionProgram.Running.WaitForValueAsync(0, KickoffTimeout, cancellationToken).ConfigureAwait(false);
        }

        FastGridScanLog.RunningScan(_logger);
        await RunCmd.TriggerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        FastGridScanLog.WaitingForStart(_logger);
        await Status.WaitForValueAsync(1, KickoffTimeout, cancellationToken).ConfigureAwait(false);
        FastGridScanLog.KickedOff(_logger);
    }

    /// <summary>Starts the scan (see <see cref="KickoffAsync"/>).</summary>
    public Status Kickoff() => new(KickoffAsync(), this);

    /// <summary>
    /// Waits up to <see cref="CompleteStatusTimeout"/> for SCAN_STATUS to be 0; on time-out logs dodal's error,
    /// triggers STOP.PROC to force the motion program to stop, and fails with the time-out.
    /// </summary>
    /// <exception cref="TimeoutException">The scan was still running after <see cref="CompleteStatusTimeout"/>.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Status.WaitForValueAsync(0, CompleteStatusTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            FastGridScanLog.CompleteTimedOut(_logger, e);
            await StopCmd.TriggerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Completes when the scan has finished (see <see cref="CompleteAsync"/>).</summary>
    public Status Complete() => new(CompleteAsync(), this);

    private async Task<double> ComputeScanInvalidAsync(CancellationToken cancellationToken)
    {
        var x = XScanValid.GetValueAsync(cancellationToken: cancellationToken);
        var y = YScanValid.GetValueAsync(cancellationToken: cancellationToken);
        var z = ZScanValid.GetValueAsync(cancellationToken: cancellationToken);
        var device = DeviceScanInvalid.GetValueAsync(cancellationToken: cancellationToken);
        await Task.WhenAll(x, y, z, device).ConfigureAwait(false);
        var valid = x.Result != 0 && y.Result != 0 && z.Result != 0 && device.Result == 0;
        return valid ? 0.0 : 1.0;
    }

    private sealed record MovableParam(string Key, Device Signal, Func<TParams, CancellationToken, Task<Task>> Apply);
}
