using System.Diagnostics;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Logging;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Tracing;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Running;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Cli.Runner;

/// <summary>
/// Runs one experiment at a time on the RunEngine, as Hyperion's BlueskyRunner does: a start while busy is refused,
/// invalid parameters start nothing, a stop aborts the plan (its clean-up still runs), and the status afterwards is
/// Idle, Failed or Warn with the exception's message and type. Callbacks are drained before the status settles so
/// that a client seeing Idle also sees every ISPyB row and NeXus file.
/// </summary>
public sealed partial class PlanRunner : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly RunEngine _engine;
    private readonly ExperimentPlanFactory _plans;
    private readonly IReadOnlyList<DocumentCallback> _callbacks;
    private readonly Func<CancellationToken, Task> _drainCallbacks;
    private readonly DebugLogBuffer? _debugLog;
    private readonly ILogger _logger;
    private StatusAndMessage _status = StatusAndMessage.Of(RunnerStatus.Idle);
    private Task _current = Task.CompletedTask;
    private bool _aborted;

    /// <summary>Creates the runner over <paramref name="engine"/>.</summary>
    /// <param name="engine">The RunEngine, owned by the caller.</param>
    /// <param name="plans">Makes each experiment's plan.</param>
    /// <param name="callbacks">Document callbacks subscribed for each run (ISPyB, NeXus, Zocalo, log tagging).</param>
    /// <param name="drainCallbacks">Waits until the callbacks have handled every document; null when nothing to wait for.</param>
    /// <param name="debugLog">The DEBUG ring buffer flushed when a plan fails; null for none.</param>
    /// <param name="logger">Where the runner logs.</param>
    public PlanRunner(
        RunEngine engine,
        ExperimentPlanFactory plans,
        IReadOnlyList<DocumentCallback>? callbacks = null,
        Func<CancellationToken, Task>? drainCallbacks = null,
        DebugLogBuffer? debugLog = null,
        ILogger<PlanRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(plans);
        _engine = engine;
        _plans = plans;
        _callbacks = callbacks ?? [];
        _drainCallbacks = drainCallbacks ?? (_ => Task.CompletedTask);
        _debugLog = debugLog;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The current status.</summary>
    public StatusAndMessage Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>The plan being run now, or the last one (completed): lets a caller wait for the end.</summary>
    public Task Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Validates <paramref name="parametersJson"/> for <paramref name="planName"/> and starts the plan in the
    /// background. Answers Success when started, Failed (with the reason) when busy, the plan is unknown or the
    /// parameters are invalid; then nothing starts.
    /// </summary>
    public StatusAndMessage Start(string planName, string parametersJson)
    {
        ArgumentNullException.ThrowIfNull(planName);
        ArgumentNullException.ThrowIfNull(parametersJson);
        ParameterModel parameters;
        try
        {
            parameters = HyperionParameters.LoadForPlan(planName, parametersJson);
        }
        catch (Exception e) when (e is ParameterValidationException or PlanNotFoundException)
        {
            RunnerLog.Rejected(_logger, planName, e.Message);
            return new StatusAndMessage(nameof(RunnerStatus.Failed), e.Message, e.GetType().Name);
        }

        lock (_gate)
        {
            if (_status.Is(RunnerStatus.Busy) || _status.Is(RunnerStatus.Aborting))
            {
                return new StatusAndMessage(nameof(RunnerStatus.Failed), $"Bluesky already running ({_status.Status}): a plan can only start when the runner is idle.");
            }

            // Plans are lazy: making one runs nothing, so a plan that cannot be made is refused before anything starts.
            Plan plan;
            try
            {
                plan = _plans(planName, parameters);
            }
            catch (Exception e) when (e is PlanNotAvailableException or ArgumentException)
            {
                RunnerLog.Rejected(_logger, planName, e.Message);
                return new StatusAndMessage(nameof(RunnerStatus.Failed), e.Message, e.GetType().Name);
            }

            _status = StatusAndMessage.Of(RunnerStatus.Busy);
            _aborted = false;
            _current = Task.Run(() => RunAsync(planName, plan));
        }

        return StatusAndMessage.Of(RunnerStatus.Success);
    }

    /// <summary>Aborts the running plan: Aborting now, Idle once the RunEngine has cleaned up. Failed when idle.</summary>
    public StatusAndMessage Stop()
    {
        lock (_gate)
        {
            if (_status.Is(RunnerStatus.Aborting))
            {
                return new StatusAndMessage(nameof(RunnerStatus.Failed), "Bluesky already stopping");
            }

            if (!_status.Is(RunnerStatus.Busy))
            {
                return new StatusAndMessage(nameof(RunnerStatus.Failed), "Bluesky not running");
            }

            _status = StatusAndMessage.Of(RunnerStatus.Aborting);
            _aborted = true;
        }

        RunnerLog.Stopping(_logger);
        _ = AbortAsync();
        return StatusAndMessage.Of(RunnerStatus.Aborting);
    }

    /// <summary>Aborts anything running and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Status.Is(RunnerStatus.Busy))
        {
            Stop();
        }

        try
        {
            await Current.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The run was cancelled with the runner: nothing more to report.
        }
    }

    private async Task AbortAsync()
    {
        try
        {
            await _engine.AbortAsync("Stop requested through the REST API").ConfigureAwait(false);
        }
        catch (TransitionError e)
        {
            // The plan ended on its own between the request and the abort: the run's own ending sets the status.
            RunnerLog.StopTooLate(_logger, e.Message);
        }
    }

    private async Task RunAsync(string planName, Plan plan)
    {
        using var span = HyperionTracing.Source.StartActivity($"hyperion.plan {planName}");
        span?.SetTag("hyperion.plan", planName);
        RunnerLog.Starting(_logger, planName);
        var started = Stopwatch.GetTimestamp();
        StatusAndMessage final;
        try
        {
            await _engine.RunAsync(plan, _callbacks).ConfigureAwait(false);
            final = StatusAndMessage.Of(RunnerStatus.Idle);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            RunnerLog.Finished(_logger, planName, seconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            final = Outcome(e);
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            if (e is Experiments.Errors.WarningException)
            {
                RunnerLog.PlanWarned(_logger, planName, e);
            }
            else if (!final.Is(RunnerStatus.Idle))
            {
                RunnerLog.PlanFailed(_logger, planName, e);
                _debugLog?.FlushToFile("plan failed");
            }
        }

        try
        {
            await _drainCallbacks(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A callback that failed to record the run is a failure of the experiment, whatever the plan did.
            RunnerLog.CallbacksFailed(_logger, planName, e);
            final = StatusAndMessage.FromException(e) with { Status = nameof(RunnerStatus.Failed) };
        }

        lock (_gate)
        {
            _status = final;
        }
    }

    private StatusAndMessage Outcome(Exception e)
    {
        bool aborted;
        lock (_gate)
        {
            aborted = _aborted;
        }

        // A requested stop surfaces as an interrupted run: it is what was asked for, so the runner goes back to idle.
        if (aborted && e is RunEngineInterrupted or RequestAbort)
        {
            return StatusAndMessage.Of(RunnerStatus.Idle);
        }

        var cause = e is RunEngineInterrupted { Result.Exception: { } inner } ? inner : e;
        return StatusAndMessage.FromException(cause);
    }
}
