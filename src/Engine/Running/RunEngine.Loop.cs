using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Microsoft.Extensions.Logging;

namespace Hyperion.Engine.Running;

/// <summary>The message loop: bluesky's <c>RunEngine._run</c>.</summary>
public sealed partial class RunEngine
{
    private async Task<LoopOutcome> RunLoopAsync()
    {
        CurrentLoop.Value = this;
        Exception? stashed = null;
        var finished = false;
        var exitReason = string.Empty;
        try
        {
            if (State == RunEngineState.Paused)
            {
                foreach (var bundler in _bundlers.Values)
                {
                    bundler.RestoreMonitors();
                }

                _state.TryTransition(RunEngineState.Running, RunEngineState.Paused);
                lock (_gate)
                {
                    // A suspender that tripped while paused takes effect as soon as the plan runs again.
                    if (_pendingSuspensions.Count > 0 && _state.Current == RunEngineState.Running)
                    {
                        _state.TransitionTo(RunEngineState.Suspending);
                    }
                }
            }

            while (true)
            {
                var state = _state.Current;
                if (state is RunEngineState.Pausing or RunEngineState.Suspending)
                {
                    if (!Resumable)
                    {
                        lock (_gate)
                        {
                            _pendingSuspensions.Clear();
                            _interrupted = true;
                            _state.TransitionTo(RunEngineState.Aborting);
                            RenewInterruptSource();
                        }

                        stashed = new FailedPause();
                        continue;
                    }

                    if (state == RunEngineState.Suspending)
                    {
                        StartPendingSuspensions();
                        _state.TryTransition(RunEngineState.Running, RunEngineState.Suspending);
                    }
                    else
                    {
                        await EnterPauseAsync().ConfigureAwait(false);
                        return LoopOutcome.Paused;
                    }
                }

                var input = PopResponse();
                var external = TakePendingException();
                if (external is not null)
                {
                    stashed = external;
                }

                if (stashed is PlanHalt halt)
                {
                    ClosePlans(halt);
                    throw halt;
                }

                var top = _planStack[^1];
                PlanStep step;
                if (stashed is not null || input.Error is not null)
                {
                    step = top.Advance(null, stashed ?? input.Error);
                    stashed = null;
                }
                else
                {
                    step = top.Advance(input.Value, null);
                }

                if (step.Kind != PlanStepKind.Yielded)
                {
                    _planStack.RemoveAt(_planStack.Count - 1);
                    if (step.Kind == PlanStepKind.Faulted)
                    {
                        if (_planStack.Count > 0)
                        {
                            stashed = step.Error;
                            continue;
                        }

                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(step.Error!);
                    }

                    if (_planStack.Count > 0)
                    {
                        continue;
                    }

                    _planReturn = top.ReturnValue;
                    _exitStatus = "success";
                    break;
                }

                var msg = step.Message!;
                MsgHook?.Invoke(msg);
                if (_log.IsEnabled(LogLevel.Trace))
                {
                    EngineLog.Message(_log, msg);
                }

                if (msg.Obj is not null)
                {
                    _objsSeen.Add(msg.Obj);
                }

                if (_msgCache is not null && _rewindable && !Messages.Commands.Uncacheable.Contains(msg.Command))
                {
                    _msgCache.Add(msg);
                }

                if (!_registry.TryGet(msg.Command, out var handler))
                {
                    _responseStack.Add(new PlanInput(null, new InvalidCommand(msg.Command)));
                    continue;
                }

                var token = _interruptSource.Token;
                try
                {
                    var pending = handler(msg, token);
                    var response = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
                    _responseStack.Add(new PlanInput(response, null));
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Interrupted mid-command (bluesky's CancelledError): the plan gets no response; the top of
                    // the loop acts on the pause, suspension or stop/abort/halt that cancelled it.
                    _responseStack.Add(default);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _responseStack.Add(new PlanInput(null, ex));
                }
            }

            finished = true;
        }
        catch (RequestStop)
        {
            _exitStatus = "success";
            finished = true;
        }
        catch (Exception ex) when (ex is FailedPause or RequestAbort or PlanHalt)
        {
            _exitStatus = "abort";
            EngineLog.RunAborted(_log, ex);
            finished = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _exitStatus = "fail";
            exitReason = ex.Message;
            _planException = ex;
            EngineLog.RunFailed(_log, ex);
            finished = true;
        }
        finally
        {
            if (finished)
            {
                await CleanUpAsync(string.IsNullOrEmpty(exitReason) ? _reason : exitReason).ConfigureAwait(false);
            }

            CurrentLoop.Value = null;
        }

        return LoopOutcome.Finished;
    }

    private PlanInput PopResponse()
    {
        var input = _responseStack[^1];
        _responseStack.RemoveAt(_responseStack.Count - 1);
        return input;
    }

    private Exception? TakePendingException()
    {
        if (Volatile.Read(ref _pendingException) is null)
        {
            return null;
        }

        lock (_gate)
        {
            var pending = _pendingException;
            _pendingException = null;
            RenewInterruptSource();
            return pending;
        }
    }

    private void RenewInterruptSource()
    {
        if (_interruptSource.IsCancellationRequested)
        {
            _interruptSource.Dispose();
            _interruptSource = new CancellationTokenSource();
        }
    }

    private void SetPendingException(Exception error)
    {
        lock (_gate)
        {
            _pendingException = error;
        }
    }

    private async Task EnterPauseAsync()
    {
        foreach (var bundler in _bundlers.Values)
        {
            bundler.RecordInterruption("pause");
            bundler.SuspendMonitors();
        }

        await StopMovablesAsync(success: true).ConfigureAwait(false);
        await NotifyPausablesAsync().ConfigureAwait(false);
        lock (_gate)
        {
            RenewInterruptSource();
            _state.TransitionTo(RunEngineState.Paused);
        }
    }

    private async Task NotifyPausablesAsync()
    {
        foreach (var obj in _objsSeen)
        {
            if (obj is IPausable pausable)
            {
                try
                {
                    await pausable.PauseAsync().ConfigureAwait(false);
                }
                catch (NoReplayAllowed ex)
                {
                    EngineLog.NoReplay(_log, ex);
                    ResetCheckpointState();
                }
            }
        }
    }

    private void StartPendingSuspensions()
    {
        while (true)
        {
            SuspensionRequest? request;
            lock (_gate)
            {
                if (!_pendingSuspensions.TryDequeue(out request))
                {
                    RenewInterruptSource();
                    return;
                }
            }

            PushPlan(Plan.From(new Msg(
                Messages.Commands.StartSuspender, null, request.PrePlan, request.PostPlan, request.Justification, request.Resume)));
        }
    }

    private void ClosePlans(PlanClosedException reason)
    {
        for (var i = _planStack.Count - 1; i >= 0; i--)
        {
            try
            {
                _planStack[i].Close(reason);
            }
            catch (PlanYieldedOnClose ex)
            {
                EngineLog.PlanYieldedOnClose(_log, ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                EngineLog.PlanFailedOnClose(_log, ex, _planStack[i].Name);
            }
        }

        _planStack.Clear();
        _responseStack.Clear();
    }

    private async Task CleanUpAsync(string exitReason)
    {
        try
        {
            _callScope.PardonFailures = true;
            await StopMovablesAsync(success: true).ConfigureAwait(false);
            foreach (var bundler in _bundlers.Values)
            {
                bundler.ClearMonitors();
                await bundler.BackstopCollectAsync().ConfigureAwait(false);
            }

            foreach (var obj in _staged.ToList())
            {
                try
                {
                    await ((IStageable)obj).Unstage().WaitAsync(_options.CleanupTimeout).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    EngineLog.UnstageFailed(_log, ex, BundlerName(obj));
                }

                _staged.Remove(obj);
            }

            foreach (var (key, bundler) in _bundlers.ToList())
            {
                if (bundler.RunIsOpen)
                {
                    try
                    {
                        bundler.CloseRun(_exitStatus, exitReason);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        EngineLog.CloseRunFailed(_log, ex, key == DefaultRunKey ? "(default)" : Msg.Describe(key));
                    }
                }
            }

            _bundlers.Clear();
            EndRunSpans(_exitStatus);
            ClosePlans(new PlanClosedException());
            lock (_gate)
            {
                RenewInterruptSource();
                _pendingSuspensions.Clear();
                _state.TransitionTo(RunEngineState.Idle);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Cleanup itself failed: state can no longer be trusted (bluesky's panicked state).
            EngineLog.Panicked(_log, ex);
            _planException ??= ex;
            _exitStatus = "fail";
            _state.TransitionTo(RunEngineState.Panicked);
        }
    }

    private async Task StopMovablesAsync(bool success)
    {
        foreach (var obj in _movablesTouched)
        {
            if (obj is not IStoppable stoppable)
            {
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(_options.CleanupTimeout, _options.TimeProvider);
                await stoppable.StopAsync(success, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                EngineLog.StopFailed(_log, ex, BundlerName(obj));
            }
        }
    }

    private static string BundlerName(object obj) => RunBundler.NameOf(obj);
}
