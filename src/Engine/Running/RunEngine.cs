using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Composition;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Statuses;
using Hyperion.Engine.Suspenders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Engine.Running;

/// <summary>
/// Executes plans, as bluesky's RunEngine does: pulls each <see cref="Msg"/> from the plan, dispatches it
/// through the <see cref="CommandRegistry"/>, sends the response back in, emits documents to subscribers,
/// and owns pause/resume/rewind, suspension, stop/abort/halt and the final cleanup of everything the plan
/// touched.
/// </summary>
/// <remarks>
/// Control methods (<see cref="RequestPause"/>, <see cref="StopAsync"/>, ...) may be called from any thread.
/// <see cref="RunAsync"/> and <see cref="ResumeAsync"/> throw <see cref="RunEngineInterrupted"/> when the plan
/// was paused, stopped, aborted or halted, and rethrow the plan's exception when it failed; the outcome of
/// every call is also in <see cref="LastResult"/>.
/// </remarks>
public sealed partial class RunEngine : IDisposable
{
    /// <summary>The message bluesky prints when a RunEngine pauses.</summary>
    public const string PauseMessage =
        "Your RunEngine is entering a paused state. These are your options for changing the state of the RunEngine:\n" +
        "ResumeAsync()  Resume the plan.\n" +
        "AbortAsync()   Perform cleanup, then kill plan. Mark exit_status='abort'.\n" +
        "StopAsync()    Perform cleanup, then kill plan. Mark exit_status='success'.\n" +
        "HaltAsync()    Emergency stop: do not perform cleanup, just stop.";

    private static readonly object DefaultRunKey = new();
    private static readonly AsyncLocal<RunEngine?> CurrentLoop = new();

    private readonly RunEngineOptions _options;
    private readonly DocumentClock _clock;
    private readonly ILogger _log;
    private readonly RunEngineStateMachine _state = new();
    private readonly CommandRegistry _registry = new();
    private readonly Lock _gate = new();

    // Per-call state (bluesky's "a *lot* of state"); reset by ClearCallCache.
    private readonly Dictionary<object, RunBundler> _bundlers = [];
    private readonly Dictionary<string, object?> _metadataPerCall = new(StringComparer.Ordinal);
    private readonly HashSet<object> _staged = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _objsSeen = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> _movablesTouched = [];
    private readonly HashSet<object> _movablesTouchedSet = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _runStartUids = [];
    private readonly HashSet<ISuspender> _suspenders = new(ReferenceEqualityComparer.Instance);
    private readonly WaitGroups _groups = new();
    private readonly HashSet<int> _tempCallbackTokens = [];
    private readonly HashSet<object?> _seenWaitAndMoveOnKeys = [];
    private readonly List<Plan> _planStack = [];
    private readonly List<PlanInput> _responseStack = [];
    private readonly Queue<SuspensionRequest> _pendingSuspensions = new();
    private readonly List<System.Diagnostics.Activity> _runSpans = [];

    private List<Msg>? _msgCache = [];
    private bool _rewindable = true;
    private bool _deferredPauseRequested;
    private Exception? _pendingException;
    private bool _interrupted;
    private string _exitStatus = "success";
    private string _reason = string.Empty;
    private Plan? _plan;
    private CallScope _callScope = new();
    private CancellationTokenSource _interruptSource = new();
    private Task<LoopOutcome>? _loopTask;
    private object? _planReturn;
    private Exception? _planException;

    /// <summary>Creates a RunEngine with the built-in commands registered.</summary>
    public RunEngine(RunEngineOptions? options = null)
    {
        _options = options ?? new RunEngineOptions();
        _clock = _options.CreateClock();
        _log = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Hyperion.Engine.RunEngine");
        Dispatcher = new Dispatcher((_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Hyperion.Engine.Dispatcher"))
        {
            ExceptionPolicy = _options.CallbackExceptionPolicy,
        };
        Metadata = _options.Metadata ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!Metadata.ContainsKey("versions"))
        {
            Metadata["versions"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["hyperion_engine"] = typeof(RunEngine).Assembly.GetName().Version?.ToString(),
            };
        }

        _state.Changed += (next, old) =>
        {
            EngineLog.StateChanged(_log, old, next);
            StateChanged?.Invoke(next, old);
        };
        RegisterBuiltinCommands();
    }

    /// <summary>Raised after every state change with (new, old) (bluesky's <c>state_hook</c>).</summary>
    public event Action<RunEngineState, RunEngineState>? StateChanged;

    /// <summary>Called with each message before it is processed (bluesky's <c>msg_hook</c>).</summary>
    public Action<Msg>? MsgHook { get; set; }

    /// <summary>Called with the statuses a 'wait' is waiting on, then with null when it is done (bluesky's <c>waiting_hook</c>).</summary>
    public Action<IReadOnlyCollection<Status>?>? WaitingHook { get; set; }

    /// <summary>The current state.</summary>
    public RunEngineState State => _state.Current;

    /// <summary>Persistent metadata merged into every RunStart (bluesky's <c>RE.md</c>).</summary>
    public IDictionary<string, object?> Metadata { get; }

    /// <summary>The document dispatcher behind <see cref="Subscribe"/>.</summary>
    public Dispatcher Dispatcher { get; }

    /// <summary>The clock used for sleeps and document times.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>The registered command names.</summary>
    public IReadOnlyList<string> Commands => _registry.Commands;

    /// <summary>The installed suspenders.</summary>
    public IReadOnlyCollection<ISuspender> Suspenders
    {
        get
        {
            lock (_gate)
            {
                return [.. _suspenders];
            }
        }
    }

    /// <summary>True when a pause requested with defer=true is waiting for the next checkpoint.</summary>
    public bool DeferredPauseRequested => _deferredPauseRequested;

    /// <summary>True when the plan in progress can be rewound (a checkpoint is set).</summary>
    public bool Resumable => _msgCache is not null;

    /// <summary>Whether messages may be replayed on resume.</summary>
    public bool Rewindable
    {
        get => _rewindable;
        set
        {
            var was = _rewindable;
            _rewindable = value;
            if (Resumable && was != value)
            {
                ResetCheckpointState();
            }
        }
    }

    /// <summary>The outcome of the most recent call (run, resume, stop, abort or halt).</summary>
    public RunEngineResult? LastResult { get; private set; }

    /// <summary>Registers (or replaces) a command (bluesky's <c>register_command</c>).</summary>
    public void RegisterCommand(string command, CommandHandler handler, string description = "") =>
        _registry.Register(command, handler, description);

    /// <summary>Unregisters a command (bluesky's <c>unregister_command</c>).</summary>
    public void UnregisterCommand(string command) => _registry.Unregister(command);

    /// <summary>The registry as text (bluesky's <c>print_command_registry</c>).</summary>
    public string PrintCommandRegistry(bool verbose = false) => _registry.Print(verbose);

    /// <summary>Subscribes a document callback; returns a token for <see cref="Unsubscribe"/>.</summary>
    public int Subscribe(DocumentCallback callback, DocumentName? name = null) => Dispatcher.Subscribe(callback, name);

    /// <summary>Removes a subscription.</summary>
    public void Unsubscribe(int token) => Dispatcher.Unsubscribe(token);

    /// <summary>
    /// Runs <paramref name="plan"/> to its end, or until it is paused or interrupted. Metadata given here has
    /// the highest precedence in every run the plan opens; <paramref name="subscriptions"/> last for this call only.
    /// </summary>
    public async Task<RunEngineResult> RunAsync(
        Plan plan,
        IEnumerable<DocumentCallback>? subscriptions = null,
        IReadOnlyDictionary<string, object?>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ThrowIfPanicked();
        if (!_state.TryTransition(RunEngineState.Running, RunEngineState.Idle))
        {
            throw new TransitionError(State, "run a new plan");
        }

        try
        {
            ClearCallCache();
            foreach (var subscription in subscriptions ?? [])
            {
                _tempCallbackTokens.Add(Subscribe(subscription));
            }

            _plan = plan;
            foreach (var (key, value) in metadata ?? new Dictionary<string, object?>())
            {
                _metadataPerCall[key] = value;
            }

            var wrapped = plan;
            foreach (var preprocessor in _options.Preprocessors)
            {
                wrapped = preprocessor(wrapped);
            }

            PushPlan(wrapped);
            var waitForSuspenders = TrippedSuspenderTasks();
            if (waitForSuspenders.Count > 0)
            {
                PushPlan(Plan.From(new Msg(Messages.Commands.WaitFor, null, waitForSuspenders)));
            }
        }
        catch
        {
            _state.TransitionTo(RunEngineState.Idle);
            throw;
        }

        using var registration = cancellationToken.Register(() => _ = AbortFromCancellation());
        return Finish(await DriveAsync().ConfigureAwait(false), throwIfInterrupted: true);
    }

    /// <summary>Resumes a paused plan from its last checkpoint, replaying the messages since then.</summary>
    public async Task<RunEngineResult> ResumeAsync()
    {
        ThrowIfPanicked();
        if (State != RunEngineState.Paused)
        {
            throw new TransitionError(State, "resume (only a paused RunEngine can be resumed)");
        }

        _interrupted = false;
        foreach (var bundler in _bundlers.Values)
        {
            bundler.RecordInterruption("resume");
        }

        PushPlan(Rewind());
        foreach (var obj in _objsSeen)
        {
            if (obj is Protocols.IPausable pausable)
            {
                await pausable.ResumeAsync().ConfigureAwait(false);
            }
        }

        return Finish(await DriveAsync().ConfigureAwait(false), throwIfInterrupted: true);
    }

    /// <summary>
    /// Requests a pause: at once (after the current message), or with <paramref name="defer"/> at the next
    /// checkpoint. Without a checkpoint the plan is aborted instead. Safe from any thread.
    /// </summary>
    public void RequestPause(bool defer = false)
    {
        ThrowIfPanicked();
        lock (_gate)
        {
            var state = _state.Current;
            if (!state.CanPause())
            {
                throw new TransitionError(state, "pause");
            }

            if (defer)
            {
                _deferredPauseRequested = true;
                EngineLog.DeferredPause(_log);
                return;
            }

            EngineLog.Pausing(_log);
            _deferredPauseRequested = false;
            _interrupted = true;
            _state.TransitionTo(RunEngineState.Pausing);
            _ = _interruptSource.CancelAsync();
        }
    }

    /// <summary>Stops the plan after its cleanup, with exit status "success". Completes when the RunEngine is idle.</summary>
    public Task<RunEngineResult> StopAsync() =>
        InterruptAsync(RunEngineState.Stopping, "stop", () => new RequestStop(), "success", string.Empty);

    /// <summary>Aborts the plan after its cleanup, with exit status "abort". Completes when the RunEngine is idle.</summary>
    public Task<RunEngineResult> AbortAsync(string reason = "") =>
        InterruptAsync(RunEngineState.Aborting, "abort", () => new RequestAbort(reason), "abort", reason);

    /// <summary>Halts the plan without its cleanup (the RunEngine still stops movables and closes runs), exit status "abort".</summary>
    public Task<RunEngineResult> HaltAsync() =>
        InterruptAsync(RunEngineState.Halting, "halt", () => new PlanHalt(), "abort", string.Empty);

    /// <summary>
    /// Suspends the running plan until <paramref name="resume"/> completes: the plan rewinds to its last
    /// checkpoint, runs <paramref name="prePlan"/>, waits, runs <paramref name="postPlan"/>, and replays.
    /// Safe from any thread.
    /// </summary>
    public void RequestSuspend(Task resume, Func<Plan>? prePlan = null, Func<Plan>? postPlan = null, string? justification = null)
    {
        ArgumentNullException.ThrowIfNull(resume);
        ThrowIfPanicked();
        lock (_gate)
        {
            var state = _state.Current;
            if (state is RunEngineState.Idle or RunEngineState.Halting or RunEngineState.Stopping or RunEngineState.Aborting)
            {
                return;
            }

            EngineLog.Suspending(_log, justification ?? "a suspender tripped");
            _pendingSuspensions.Enqueue(new SuspensionRequest(resume, prePlan, postPlan, justification));
            if (state == RunEngineState.Running)
            {
                _state.TransitionTo(RunEngineState.Suspending);
                _ = _interruptSource.CancelAsync();
            }
        }
    }

    /// <summary>Installs a suspender.</summary>
    public void InstallSuspender(ISuspender suspender)
    {
        ArgumentNullException.ThrowIfNull(suspender);
        lock (_gate)
        {
            if (!_suspenders.Add(suspender))
            {
                return;
            }
        }

        suspender.Install(this);
    }

    /// <summary>Removes a suspender.</summary>
    public void RemoveSuspender(ISuspender suspender)
    {
        ArgumentNullException.ThrowIfNull(suspender);
        bool removed;
        lock (_gate)
        {
            removed = _suspenders.Remove(suspender);
        }

        if (removed)
        {
            suspender.Remove();
        }
    }

    /// <summary>Removes every suspender.</summary>
    public void ClearSuspenders()
    {
        foreach (var suspender in Suspenders)
        {
            RemoveSuspender(suspender);
        }
    }

    /// <summary>Halts anything in progress and clears every cache and subscription (bluesky's <c>reset</c>).</summary>
    public async Task ResetAsync()
    {
        if (State != RunEngineState.Idle && State != RunEngineState.Panicked)
        {
            await HaltAsync().ConfigureAwait(false);
        }

        ClearCallCache();
        Dispatcher.UnsubscribeAll();
    }

    /// <summary>Releases the RunEngine's cancellation source. Halt a running plan first.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _interruptSource.Dispose();
        }
    }

    private void ThrowIfPanicked()
    {
        if (State == RunEngineState.Panicked)
        {
            throw new RunEnginePanicked();
        }
    }

    private async Task<RunEngineResult> InterruptAsync(RunEngineState target, string verb, Func<Exception> control, string exitStatus, string reason)
    {
        ThrowIfPanicked();
        bool wasPaused;
        Task<LoopOutcome>? running;
        lock (_gate)
        {
            var state = _state.Current;
            if (state == RunEngineState.Idle)
            {
                throw new TransitionError(state, $"{verb} (it is already idle)");
            }

            EngineLog.Interrupting(_log, verb, exitStatus);
            _interrupted = true;
            if (target != RunEngineState.Stopping)
            {
                _exitStatus = exitStatus;
                _reason = reason;
                EndRunSpans("aborted");
            }

            wasPaused = state == RunEngineState.Paused;
            _state.TransitionTo(target);
            _pendingException = control();
            _ = _interruptSource.CancelAsync();
            running = _loopTask;
        }

        if (CurrentLoop.Value == this)
        {
            // Called from inside the plan's own processing: the loop will act on it; waiting here would deadlock.
            return BuildResult(interrupted: true);
        }

        if (wasPaused || running is null)
        {
            return Finish(await DriveAsync().ConfigureAwait(false), throwIfInterrupted: false);
        }

        return Finish(await running.ConfigureAwait(false), throwIfInterrupted: false);
    }

    private async Task AbortFromCancellation()
    {
        try
        {
            if (State is RunEngineState.Running or RunEngineState.Pausing or RunEngineState.Paused or RunEngineState.Suspending)
            {
                await AbortAsync("cancelled by the caller").ConfigureAwait(false);
            }
        }
        catch (RunEngineException ex)
        {
            EngineLog.AbortOnCancellationFailed(_log, ex);
        }
    }

    private Task<LoopOutcome> DriveAsync()
    {
        var task = RunLoopAsync();
        lock (_gate)
        {
            _loopTask = task;
        }

        return task;
    }

    private RunEngineResult Finish(LoopOutcome outcome, bool throwIfInterrupted)
    {
        var result = BuildResult(_interrupted);
        LastResult = result;
        if (outcome == LoopOutcome.Paused)
        {
            if (throwIfInterrupted)
            {
                throw new RunEngineInterrupted(PauseMessage, result);
            }

            return result;
        }

        if (_planException is not null && _exitStatus == "fail" && throwIfInterrupted)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_planException);
        }

        if (_interrupted && throwIfInterrupted)
        {
            throw new RunEngineInterrupted($"The plan was interrupted ({result.ExitStatus}).", result);
        }

        return result;
    }

    private RunEngineResult BuildResult(bool interrupted) =>
        new([.. _runStartUids], _planReturn, _exitStatus, interrupted, _reason, _planException);

    private void PushPlan(Plan plan)
    {
        _planStack.Add(plan);
        _responseStack.Add(default);
    }

    private List<Task> TrippedSuspenderTasks()
    {
        var tasks = new List<Task>();
        foreach (var suspender in Suspenders)
        {
            var (resume, justification) = suspender.GetTripState();
            if (resume is not null)
            {
                EngineLog.SuspenderTrippedAtStart(_log, justification);
                tasks.Add(resume);
            }
        }

        return tasks;
    }

    private void ClearCallCache()
    {
        lock (_gate)
        {
            _metadataPerCall.Clear();
            _staged.Clear();
            _objsSeen.Clear();
            _movablesTouched.Clear();
            _movablesTouchedSet.Clear();
            _deferredPauseRequested = false;
            _planStack.Clear();
            _responseStack.Clear();
            _msgCache = [];
            _pendingException = null;
            _runStartUids.Clear();
            _exitStatus = "success";
            _reason = string.Empty;
            _plan = null;
            _planReturn = null;
            _planException = null;
            _interrupted = false;
            _loopTask = null;
            _pendingSuspensions.Clear();
            _groups.Clear();
            _seenWaitAndMoveOnKeys.Clear();
            _bundlers.Clear();
            _callScope = new CallScope();
            if (_interruptSource.IsCancellationRequested)
            {
                _interruptSource.Dispose();
                _interruptSource = new CancellationTokenSource();
            }
        }

        foreach (var token in _tempCallbackTokens)
        {
            Unsubscribe(token);
        }

        _tempCallbackTokens.Clear();
    }

    private Plan Rewind()
    {
        var cached = _msgCache?.ToArray() ?? [];
        var plan = Plan.From(cached);
        _msgCache = [];
        if (cached.Length > 0)
        {
            foreach (var bundler in _bundlers.Values)
            {
                bundler.Rewind();
            }
        }

        return plan;
    }

    private void ResetCheckpointState()
    {
        if (_msgCache is null)
        {
            return;
        }

        _msgCache.Clear();
        foreach (var bundler in _bundlers.Values)
        {
            bundler.ResetCheckpointState();
        }
    }

    private void EndRunSpans(string exitStatus)
    {
        foreach (var span in _runSpans)
        {
            span.SetTag("exit_status", exitStatus);
            span.Dispose();
        }

        _runSpans.Clear();
    }

    private void Emit(DocumentName name, Document document) => Dispatcher.Process(name, document);
}
