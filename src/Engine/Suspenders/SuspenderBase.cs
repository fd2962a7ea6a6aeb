using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Running;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// A suspender that watches one field of a subscribable signal (bluesky's <c>SuspenderBase</c>). Each reading
/// is judged by <see cref="ShouldSuspend"/> and <see cref="ShouldResume"/>; when the signal goes bad while a
/// plan is in progress the engine is asked to suspend until the signal has been good again for
/// <see cref="Sleep"/>, measured on the engine's <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// <para>Readings arrive on whatever thread the device publishes from; all state is guarded by one lock and
/// the engine is called outside it. One suspension episode has one release task: a reading that goes bad
/// again during the resume delay cancels the delay but keeps the engine waiting on the same task, so the
/// plan resumes only once the signal has stayed good for the whole delay.</para>
/// <para>A reading that is missing the watched field is a configuration error and throws at
/// <see cref="Install"/>, where the signal first reports.</para>
/// </remarks>
public abstract class SuspenderBase : ISuspender
{
    private readonly Lock _gate = new();
    private readonly Action<IReadOnlyDictionary<string, Reading>> _onReading;
    private RunEngine? _engine;
    private bool _tripped;
    private bool _hasValue;
    private object? _lastValue;
    private TaskCompletionSource? _release;
    private ITimer? _resumeTimer;
    private long _resumeGeneration;

    /// <summary>Creates a suspender watching <paramref name="signal"/>.</summary>
    /// <param name="signal">The signal whose readings decide.</param>
    /// <param name="sleep">How long the signal must stay good before the plan resumes.</param>
    /// <param name="prePlan">Makes a plan to run as the suspension starts (e.g. close a shutter).</param>
    /// <param name="postPlan">Makes a plan to run before the plan resumes (e.g. reopen it).</param>
    /// <param name="trippedMessage">Extra text appended to the justification.</param>
    /// <param name="field">The reading's field to judge; defaults to the signal's name, or its only field.</param>
    protected SuspenderBase(
        ISubscribable signal,
        TimeSpan sleep = default,
        Func<Plan>? prePlan = null,
        Func<Plan>? postPlan = null,
        string? trippedMessage = null,
        string? field = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfLessThan(sleep, TimeSpan.Zero);
        Signal = signal;
        Sleep = sleep;
        PrePlan = prePlan;
        PostPlan = postPlan;
        TrippedMessage = trippedMessage ?? string.Empty;
        Field = field;
        _onReading = OnReading;
    }

    /// <summary>The watched signal.</summary>
    public ISubscribable Signal { get; }

    /// <summary>How long the signal must stay good before the plan resumes (bluesky's <c>sleep</c>).</summary>
    public TimeSpan Sleep { get; }

    /// <summary>Makes the plan run as each suspension starts, or null.</summary>
    public Func<Plan>? PrePlan { get; }

    /// <summary>Makes the plan run before the suspended plan resumes, or null.</summary>
    public Func<Plan>? PostPlan { get; }

    /// <summary>Extra text appended to the justification (bluesky's <c>tripped_message</c>).</summary>
    public string TrippedMessage { get; }

    /// <summary>The field of the signal's readings that is judged, if set explicitly.</summary>
    public string? Field { get; }

    /// <summary>The engine this suspender is installed on, or null when it is not installed.</summary>
    public RunEngine? Engine
    {
        get
        {
            lock (_gate)
            {
                return _engine;
            }
        }
    }

    /// <summary>True while the last reading was bad (the resume delay has not started).</summary>
    public bool Tripped
    {
        get
        {
            lock (_gate)
            {
                return _tripped;
            }
        }
    }

    /// <summary>The last value judged, or null before the first reading.</summary>
    public object? LastValue
    {
        get
        {
            lock (_gate)
            {
                return _lastValue;
            }
        }
    }

    /// <summary>Starts watching the signal for <paramref name="engine"/>; the signal reports its current value at once.</summary>
    public void Install(RunEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        bool wasInstalled;
        lock (_gate)
        {
            wasInstalled = _engine is not null;
            _engine = engine;
        }

        if (wasInstalled)
        {
            Signal.ClearSubscription(_onReading);
        }

        try
        {
            Signal.Subscribe(_onReading);
        }
        catch (InvalidOperationException)
        {
            // The first reading did not fit this suspender: leave nothing half-installed.
            Signal.ClearSubscription(_onReading);
            lock (_gate)
            {
                _engine = null;
            }

            throw;
        }
    }

    /// <summary>
    /// Stops watching. A suspension this suspender holds is released at once: nothing watches the condition any
    /// more, so nothing could ever release it later.
    /// </summary>
    public void Remove()
    {
        Signal.ClearSubscription(_onReading);
        TaskCompletionSource? release;
        lock (_gate)
        {
            _engine = null;
            _tripped = false;
            release = _release;
            _release = null;
            CancelResumeDelay();
        }

        release?.TrySetResult();
    }

    /// <summary>
    /// While tripped, or while the resume delay runs: the task that completes when the plan may go on, and why
    /// (bluesky's <c>get_futures</c>). Otherwise (null, null).
    /// </summary>
    public (Task? Resume, string? Justification) GetTripState()
    {
        lock (_gate)
        {
            return _release is null ? (null, null) : (_release.Task, Justify());
        }
    }

    /// <summary>True when <paramref name="value"/> means the plan must suspend.</summary>
    protected abstract bool ShouldSuspend(object? value);

    /// <summary>True when <paramref name="value"/> means a suspended plan may resume (after <see cref="Sleep"/>).</summary>
    protected abstract bool ShouldResume(object? value);

    /// <summary>Explains, in the operator's words, why <paramref name="value"/> tripped this suspender.</summary>
    protected virtual string DescribeTrip(object? value) =>
        $"Suspender of type {GetType().Name} stopped by signal {Signal.Name} = {Msg.Describe(value)}";

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().Name}({Signal.Name}, sleep={Sleep.TotalSeconds} s, pre_plan={PrePlan is not null}, post_plan={PostPlan is not null}, tripped_message='{TrippedMessage}')";

    private void OnReading(IReadOnlyDictionary<string, Reading> readings)
    {
        var value = Pick(readings);
        RunEngine? engineToAsk = null;
        Task? resume = null;
        string? justification = null;
        TaskCompletionSource? releaseNow = null;
        lock (_gate)
        {
            if (_engine is null)
            {
                return;
            }

            _lastValue = value;
            _hasValue = true;
            if (ShouldSuspend(value))
            {
                _tripped = true;
                CancelResumeDelay();
                if (_release is null)
                {
                    _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

                    // bluesky asks only a running engine; any plan in progress is asked here, so that a trip while
                    // pausing or paused takes effect on resume (the engine ignores states that cannot suspend).
                    // An idle engine finds the trip through GetTripState when its next plan starts.
                    if (_engine.State is not (RunEngineState.Idle or RunEngineState.Panicked))
                    {
                        engineToAsk = _engine;
                        resume = _release.Task;
                        justification = Justify();
                    }
                }
            }
            else if (_tripped && ShouldResume(value))
            {
                _tripped = false;
                if (Sleep <= TimeSpan.Zero)
                {
                    releaseNow = _release;
                    _release = null;
                }
                else
                {
                    StartResumeDelay(_engine.TimeProvider);
                }
            }
        }

        releaseNow?.TrySetResult();
        if (engineToAsk is null)
        {
            return;
        }

        try
        {
            engineToAsk.RequestSuspend(resume!, PrePlan, PostPlan, justification);
        }
        catch (RunEnginePanicked)
        {
            // The engine panicked after the state check: it runs no plan to suspend, and a signal update must not
            // throw into the device's thread. The trip stays visible through GetTripState.
        }
    }

    private object? Pick(IReadOnlyDictionary<string, Reading> readings)
    {
        var field = Field ?? Signal.Name;
        if (readings.TryGetValue(field, out var reading))
        {
            return reading.Value;
        }

        if (Field is null && readings.Count == 1)
        {
            return readings.Values.First().Value;
        }

        throw new InvalidOperationException(
            $"{GetType().Name} watches field '{field}' of {Signal.Name}, but its readings hold only: {string.Join(", ", readings.Keys)}. Pass field: to choose one.");
    }

    private string Justify()
    {
        string text;
        if (_tripped || !_hasValue)
        {
            text = DescribeTrip(_lastValue);
        }
        else
        {
            text = $"Signal {Signal.Name} = {Msg.Describe(_lastValue)} is back to nominal; resuming after it has stayed so for {Sleep.TotalSeconds} s";
        }

        return string.IsNullOrEmpty(TrippedMessage) ? text : text + ": " + TrippedMessage;
    }

    private void StartResumeDelay(TimeProvider time)
    {
        CancelResumeDelay();
        var generation = ++_resumeGeneration;
        _resumeTimer = time.CreateTimer(_ => EndResumeDelay(generation), null, Sleep, Timeout.InfiniteTimeSpan);
    }

    private void CancelResumeDelay()
    {
        _resumeGeneration++;
        _resumeTimer?.Dispose();
        _resumeTimer = null;
    }

    private void EndResumeDelay(long generation)
    {
        TaskCompletionSource? release;
        lock (_gate)
        {
            if (generation != _resumeGeneration)
            {
                // Cancelled: the signal went bad again, or the suspender was removed.
                return;
            }

            release = _release;
            _release = null;
            _resumeTimer?.Dispose();
            _resumeTimer = null;
        }

        release?.TrySetResult();
    }
}
