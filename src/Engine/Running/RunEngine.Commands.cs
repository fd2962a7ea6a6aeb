using System.Collections;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Hyperion.Engine.Suspenders;
using Hyperion.Engine.Tracing;
using Microsoft.Extensions.Logging;
using C = Hyperion.Engine.Messages.Commands;

namespace Hyperion.Engine.Running;

/// <summary>The built-in command handlers (bluesky's <c>RunEngine._open_run</c>, <c>_set</c>, ...).</summary>
public sealed partial class RunEngine
{
    private static readonly ValueTask<object?> NullResponse = new((object?)null);
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private void RegisterBuiltinCommands()
    {
        Register(C.DeclareStream, DeclareStreamAsync, "Pre-declare a stream and emit its descriptor: Msg('declare_stream', null, objs..., name=..., collect=false).");
        Register(C.Create, Create, "Start bundling readings into an event: Msg('create', null, name='primary').");
        Register(C.Save, SaveAsync, "Emit the bundled readings as an Event: Msg('save').");
        Register(C.Drop, Drop, "Discard the bundled readings: Msg('drop').");
        Register(C.Read, ReadAsync, "Read an object, adding it to the open bundle: Msg('read', obj). Returns the reading.");
        Register(C.Locate, LocateAsync, "Return the setpoint and readback of locatables: Msg('locate', obj, more..., squeeze=true).");
        Register(C.Monitor, MonitorAsync, "Emit events as an object updates: Msg('monitor', obj, name=...).");
        Register(C.Unmonitor, Unmonitor, "Stop monitoring: Msg('unmonitor', obj).");
        Register(C.Null, static (_, _) => NullResponse, "A no-op message, mainly for debugging and testing.");
        Register(C.RunEngineClass, static (_, _) => new ValueTask<object?>(typeof(RunEngine)), "A no-op message returning the RunEngine's type.");
        Register(C.Stop, StopObjectAsync, "Stop a device: Msg('stop', obj).");
        Register(C.Set, Set, "Set a movable and cache its status: Msg('set', obj, value, group=...). Returns the status.");
        Register(C.Trigger, Trigger, "Trigger a device and cache its status: Msg('trigger', obj, group=...). Returns the status.");
        Register(C.Sleep, SleepAsync, "Sleep without blocking: Msg('sleep', null, seconds).");
        Register(C.Wait, WaitAsync, "Wait for every status in a group: Msg('wait', null, group, timeout=..., error_on_timeout=true, watch=[...]). Returns true when all are done.");
        Register(C.Checkpoint, Checkpoint, "Mark where a resume rewinds to: Msg('checkpoint').");
        Register(C.ClearCheckpoint, ClearCheckpoint, "Forget the checkpoint; a later pause aborts: Msg('clear_checkpoint').");
        Register(C.Rewindable, SetRewindable, "Read or set whether messages may be replayed: Msg('rewindable', null, bool or null).");
        Register(C.Pause, PauseFromPlan, "Request a pause: Msg('pause', defer=false).");
        Register(C.ResumeFromSuspender, ResumeFromSuspenderAsync, "Internal: resume after a suspension.");
        Register(C.StartSuspender, StartSuspenderAsync, "Internal: start a suspension.");
        Register(C.Prepare, Prepare, "Prepare a flyer or detector: Msg('prepare', obj, value, group=...). Returns the status.");
        Register(C.Collect, CollectAsync, "Collect data from a flyer and emit documents: Msg('collect', obj, more..., name=..., return_payload=true).");
        Register(C.Kickoff, Kickoff, "Start a flyer: Msg('kickoff', obj, group=...). Returns the status.");
        Register(C.Complete, Complete, "Tell a flyer to finish when ready: Msg('complete', obj, group=...). Returns the status.");
        Register(C.Configure, ConfigureAsync, "Configure an object: Msg('configure', obj, settings...). Returns (old, new).");
        Register(C.Stage, Stage, "Stage an object: Msg('stage', obj, group=...). Returns its status, or an empty list if it cannot be staged.");
        Register(C.Unstage, Unstage, "Unstage an object: Msg('unstage', obj, group=...). Returns its status, or an empty list.");
        Register(C.Subscribe, SubscribeFromPlan, "Subscribe a callback for the rest of this call: Msg('subscribe', null, callback, document_name or null). Returns a token.");
        Register(C.Unsubscribe, UnsubscribeFromPlan, "Remove a subscription made by 'subscribe': Msg('unsubscribe', null, token).");
        Register(C.OpenRun, OpenRunAsync, "Open a run and emit RunStart: Msg('open_run', **metadata). Returns the run uid.");
        Register(C.CloseRun, CloseRun, "Close a run and emit RunStop: Msg('close_run', exit_status=..., reason=...). Returns the run uid.");
        Register(C.WaitFor, WaitForAsync, "Wait for tasks or task factories: Msg('wait_for', null, [tasks...], timeout=...). Returns the tasks.");
        Register(C.Input, InputAsync, "Read a line of user input: Msg('input', null, prompt='>').");
        Register(C.InstallSuspender, InstallSuspenderFromPlan, "Install a suspender: Msg('install_suspender', null, suspender).");
        Register(C.RemoveSuspender, RemoveSuspenderFromPlan, "Remove a suspender: Msg('remove_suspender', null, suspender).");
    }

    private void Register(string command, CommandHandler handler, string description) => _registry.Register(command, handler, description);

    private void Register(string command, Func<Msg, object?> handler, string description) =>
        _registry.Register(command, (msg, _) => new ValueTask<object?>(handler(msg)), description);

    private RunBundler? BundlerFor(Msg msg) => _bundlers.GetValueOrDefault(msg.Run ?? DefaultRunKey);

    private RunBundler RequireRun(Msg msg, string why) =>
        BundlerFor(msg) ?? throw new IllegalMessageSequence(msg.Command, why + (msg.Run is null ? string.Empty : $" (run key {Msg.Describe(msg.Run)})"));

    private static T Require<T>(Msg msg, object? obj)
        where T : class => obj as T ?? throw new DeviceProtocolException(msg.Command, obj, typeof(T));

    private async ValueTask<object?> OpenRunAsync(Msg msg, CancellationToken ct)
    {
        var key = msg.Run ?? DefaultRunKey;
        if (_bundlers.ContainsKey(key))
        {
            throw new IllegalMessageSequence(msg.Command, "a 'close_run' message was not received before this 'open_run' for the same run key.");
        }

        var span = EngineTracing.StartMessageSpan("run", msg);
        if (span is not null)
        {
            _runSpans.Add(span);
        }

        var scanIdSource = _options.ScanIdSource ?? DefaultScanIdSource;
        Metadata["scan_id"] = await scanIdSource(Metadata, ct).ConfigureAwait(false);

        // Precedence, lowest first: persistent metadata, plan type/name, open_run kwargs, metadata of this call.
        var md = new Dictionary<string, object?>(Metadata, StringComparer.Ordinal)
        {
            ["plan_type"] = _plan?.PlanType ?? string.Empty,
            ["plan_name"] = _plan?.Name ?? string.Empty,
        };
        foreach (var (k, v) in msg.Kwargs)
        {
            md[k] = v;
        }

        foreach (var (k, v) in _metadataPerCall)
        {
            md[k] = v;
        }

        (_options.MetadataValidator ?? MetadataRules.Validate)(md);
        if (_options.MetadataNormalizer is { } normalize)
        {
            md = normalize(md);
        }

        var bundler = new RunBundler(md, _options.RecordInterruptions, Emit, _clock, _options.ValidateDocuments, _options.RequireStreamDeclaration, _log);
        _bundlers[key] = bundler;
        var uid = bundler.OpenRun();
        _runStartUids.Add(uid);
        return uid;
    }

    private static ValueTask<long> DefaultScanIdSource(IDictionary<string, object?> md, CancellationToken ct) =>
        new((md.TryGetValue("scan_id", out var v) ? MetadataValues.AsInt64(v) ?? 0 : 0) + 1);

    private object? CloseRun(Msg msg)
    {
        var key = msg.Run ?? DefaultRunKey;
        var bundler = RequireRun(msg, "there is no open run to close; 'close_run' must follow 'open_run'");
        var uid = bundler.CloseRun(msg.Kwarg<string>("exit_status") ?? "success", msg.Kwarg<string>("reason") ?? string.Empty);
        _bundlers.Remove(key);
        if (_runSpans.Count > 0)
        {
            var span = _runSpans[^1];
            _runSpans.RemoveAt(_runSpans.Count - 1);
            span.SetTag("exit_status", msg.Kwarg<string>("exit_status") ?? _exitStatus);
            span.SetTag("reason", msg.Kwarg<string>("reason") ?? _reason);
            span.Dispose();
        }

        return uid;
    }

    private object? Create(Msg msg)
    {
        RequireRun(msg, "cannot bundle readings without an open run; 'create' must follow 'open_run'").Create(msg);
        return null;
    }

    private async ValueTask<object?> DeclareStreamAsync(Msg msg, CancellationToken ct) =>
        await RequireRun(msg, "cannot declare a stream without an open run; 'declare_stream' must follow 'open_run'")
            .DeclareStreamAsync(msg, ct).ConfigureAwait(false);

    private async ValueTask<object?> ReadAsync(Msg msg, CancellationToken ct)
    {
        var obj = Require<IReadable>(msg, msg.Obj);
        var reading = await obj.ReadAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The read of {obj.Name} returned null; read must return a dictionary of readings.");
        if (BundlerFor(msg) is { } bundler)
        {
            await bundler.ReadAsync(msg, reading, ct).ConfigureAwait(false);
        }

        return reading;
    }

    private async ValueTask<object?> LocateAsync(Msg msg, CancellationToken ct)
    {
        var objs = new[] { msg.Obj }.Concat(msg.Args).Select(o => Require<ILocatable>(msg, o)).ToList();
        var locations = await Task.WhenAll(objs.Select(o => o.LocateAsync(ct).AsTask())).ConfigureAwait(false);
        return locations.Length == 1 && msg.Kwarg("squeeze", true) ? locations[0] : locations.ToList();
    }

    private async ValueTask<object?> MonitorAsync(Msg msg, CancellationToken ct)
    {
        await RequireRun(msg, "a 'monitor' message was sent but no run is open").MonitorAsync(msg, ct).ConfigureAwait(false);
        ResetCheckpointState();
        return null;
    }

    private object? Unmonitor(Msg msg)
    {
        RequireRun(msg, "an 'unmonitor' message was sent but no run is open").Unmonitor(msg);
        ResetCheckpointState();
        return null;
    }

    private async ValueTask<object?> SaveAsync(Msg msg, CancellationToken ct)
    {
        await RequireRun(msg, "a 'save' message was sent but no run is open").SaveAsync(ct).ConfigureAwait(false);
        return null;
    }

    private object? Drop(Msg msg)
    {
        RequireRun(msg, "a 'drop' message was sent but no run is open").Drop();
        return null;
    }

    private object? Prepare(Msg msg)
    {
        var obj = Require<IPreparable>(msg, msg.Obj);
        var status = obj.Prepare(msg.Args.Count > 0 ? msg.Args[0] : null);
        AddStatusToGroup(status, msg);
        return status;
    }

    private object? Kickoff(Msg msg)
    {
        var bundler = RequireRun(msg, "a 'kickoff' message was sent but no run is open");
        var obj = Require<IFlyable>(msg, msg.Obj);
        var status = obj.Kickoff();
        bundler.Kickoff(obj);
        AddStatusToGroup(status, msg);
        return status;
    }

    private object? Complete(Msg msg)
    {
        using var span = EngineTracing.StartMessageSpan("complete", msg);
        var status = Require<IFlyable>(msg, msg.Obj).Complete();
        AddStatusToGroup(status, msg);
        return status;
    }

    private async ValueTask<object?> CollectAsync(Msg msg, CancellationToken ct)
    {
        using var span = EngineTracing.StartMessageSpan("collect", msg);
        return await RequireRun(msg, "a 'collect' message was sent but no run is open").CollectAsync(msg, ct).ConfigureAwait(false);
    }

    private object? Set(Msg msg)
    {
        using var span = EngineTracing.StartMessageSpan("set", msg);
        var obj = Require<IMovable>(msg, msg.Obj);
        if (msg.Args.Count != 1)
        {
            throw new ArgumentException($"Msg('set') takes exactly one value for {Msg.Describe(msg.Obj)}, got {msg.Args.Count}.");
        }

        if (_movablesTouchedSet.Add(obj))
        {
            _movablesTouched.Add(obj);
        }

        var status = obj.Set(msg.Args[0]);
        AddStatusToGroup(status, msg);
        return status;
    }

    private object? Trigger(Msg msg)
    {
        var status = Require<ITriggerable>(msg, msg.Obj).Trigger();
        AddStatusToGroup(status, msg);
        return status;
    }

    private void AddStatusToGroup(Status status, Msg msg)
    {
        ArgumentNullException.ThrowIfNull(status);
        var scope = _callScope;
        _groups.Add(msg.Kwargs.TryGetValue("group", out var group) ? group : null, status);
        if (!status.Done)
        {
            status.AddCallback(s => OnStatusFinished(s, scope));
        }
        else if (!status.Success)
        {
            OnStatusFinished(status, scope);
        }
    }

    private void OnStatusFinished(Status status, CallScope scope)
    {
        if (!status.Success && !scope.PardonFailures)
        {
            // A failed status interrupts the plan at its next message, even if nothing waits on it (as bluesky).
            SetPendingException(new FailedStatus(status));
        }
    }

    private async ValueTask<object?> WaitAsync(Msg msg, CancellationToken ct)
    {
        using var span = EngineTracing.StartMessageSpan("wait", msg);
        var group = msg.Args.Count > 0 ? msg.Args[0] : msg.Kwargs.GetValueOrDefault("group");
        var errorOnTimeout = msg.Kwarg("error_on_timeout", true);
        var timeout = Seconds(msg.Kwargs.GetValueOrDefault("timeout"));
        span?.SetTag(group is null ? "no_group_given" : "group", group?.ToString() ?? "true");
        var statuses = _groups.Take(group);
        if (statuses is null)
        {
            return BoxedTrue;
        }

        if (WaitingHook is { } hook && (errorOnTimeout || _seenWaitAndMoveOnKeys.Add(group)))
        {
            hook(statuses);
        }

        var done = false;
        try
        {
            List<Status>? watched = null;
            if (msg.Kwargs.TryGetValue("watch", out var watch) && watch is IEnumerable watchGroups)
            {
                watched = [];
                foreach (var w in watchGroups)
                {
                    watched.AddRange(_groups.Peek(w));
                }
            }

            await WhenAllSucceed(statuses, watched, timeout, group, ct).ConfigureAwait(false);
        }
        catch (WaitForTimeoutError)
        {
            _groups.Restore(group, statuses);
            if (errorOnTimeout)
            {
                throw;
            }
        }
        finally
        {
            if (errorOnTimeout)
            {
                WaitingHook?.Invoke(null);
                done = true;
            }
            else
            {
                done = statuses.All(s => s.Done);
                if (done)
                {
                    WaitingHook?.Invoke(null);
                    _seenWaitAndMoveOnKeys.Remove(group);
                }
            }
        }

        return done ? BoxedTrue : BoxedFalse;
    }

    private async ValueTask WhenAllSucceed(List<Status> statuses, List<Status>? watched, TimeSpan? timeout, object? group, CancellationToken ct)
    {
        var allDone = true;
        foreach (var status in statuses)
        {
            if (!status.Done)
            {
                allDone = false;
            }
            else if (!status.Success)
            {
                throw new FailedStatus(status);
            }
        }

        if (allDone)
        {
            return;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var remaining = statuses.Count;
        foreach (var status in statuses)
        {
            status.AddCallback(s =>
            {
                if (!s.Success)
                {
                    completion.TrySetException(new FailedStatus(s));
                }
                else if (Interlocked.Decrement(ref remaining) == 0)
                {
                    completion.TrySetResult();
                }
            });
        }

        foreach (var status in watched ?? [])
        {
            status.AddCallback(s =>
            {
                if (!s.Success)
                {
                    completion.TrySetException(new FailedStatus(s));
                }
            });
        }

        try
        {
            await (timeout is { } t ? completion.Task.WaitAsync(t, _options.TimeProvider, ct) : completion.Task.WaitAsync(ct)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var pending = string.Join(", ", statuses.Where(s => !s.Done));
            throw new WaitForTimeoutError($"Waiting for group {Msg.Describe(group)} timed out after {timeout!.Value.TotalSeconds} s; still running: {pending}.");
        }
    }

    private async ValueTask<object?> SleepAsync(Msg msg, CancellationToken ct)
    {
        var seconds = Seconds(msg.Args.Count > 0 ? msg.Args[0] : msg.Kwargs.GetValueOrDefault("time"))
            ?? throw new ArgumentException("Msg('sleep') needs a duration in seconds: Msg('sleep', null, 0.5).");
        await Task.Delay(seconds, _options.TimeProvider, ct).ConfigureAwait(false);
        return null;
    }

    private object? PauseFromPlan(Msg msg)
    {
        RequestPause(msg.Args.Count > 0 && msg.Args[0] is bool b ? b : msg.Kwarg("defer", false));
        return null;
    }

    private object? Checkpoint(Msg msg)
    {
        foreach (var bundler in _bundlers.Values)
        {
            if (bundler.Bundling)
            {
                throw new IllegalMessageSequence(msg.Command, "cannot checkpoint after 'create' and before 'save'.");
            }
        }

        ResetCheckpointState();
        if (_deferredPauseRequested)
        {
            // We are at a checkpoint: the deferred pause happens now.
            RequestPause(defer: false);
        }

        return null;
    }

    private object? ClearCheckpoint(Msg msg)
    {
        _msgCache = null;
        foreach (var bundler in _bundlers.Values)
        {
            bundler.ClearCheckpoint();
        }

        return null;
    }

    private object? SetRewindable(Msg msg)
    {
        if (msg.Args.Count > 0 && msg.Args[0] is bool flag)
        {
            Rewindable = flag;
        }

        return Rewindable;
    }

    private async ValueTask<object?> ConfigureAsync(Msg msg, CancellationToken ct)
    {
        var bundler = BundlerFor(msg);
        if (bundler is { Bundling: true })
        {
            throw new IllegalMessageSequence(msg.Command, "cannot configure after 'create' and before 'save'.");
        }

        var obj = Require<IReconfigurable>(msg, msg.Obj);
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var arg in msg.Args)
        {
            if (arg is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (k, v) in pairs)
                {
                    settings[k] = v;
                }
            }
        }

        foreach (var (k, v) in msg.Kwargs)
        {
            settings[k] = v;
        }

        var (old, @new) = await obj.ConfigureAsync(settings, ct).ConfigureAwait(false);
        if (bundler is not null)
        {
            await bundler.ConfigureAsync(obj, ct).ConfigureAwait(false);
        }

        return (old, @new);
    }

    private object? Stage(Msg msg)
    {
        if (msg.Obj is not IStageable obj)
        {
            return Array.Empty<object>();
        }

        var status = obj.Stage();
        _staged.Add(obj);
        ResetCheckpointState();
        AddStatusToGroup(status, msg);
        return status;
    }

    private object? Unstage(Msg msg)
    {
        if (msg.Obj is not IStageable obj)
        {
            return Array.Empty<object>();
        }

        var status = obj.Unstage();
        _staged.Remove(obj);
        ResetCheckpointState();
        AddStatusToGroup(status, msg);
        return status;
    }

    private async ValueTask<object?> StopObjectAsync(Msg msg, CancellationToken ct)
    {
        await Require<IStoppable>(msg, msg.Obj).StopAsync(true, ct).ConfigureAwait(false);
        return null;
    }

    private object? SubscribeFromPlan(Msg msg)
    {
        var callback = (msg.Args.Count > 0 ? msg.Args[0] : msg.Kwargs.GetValueOrDefault("func")) as DocumentCallback
            ?? throw new ArgumentException("Msg('subscribe') needs a DocumentCallback: Msg('subscribe', null, callback, name).");
        var name = (msg.Args.Count > 1 ? msg.Args[1] : msg.Kwargs.GetValueOrDefault("name")) switch
        {
            null or "all" => (DocumentName?)null,
            DocumentName n => n,
            string s => DocumentNames.Parse(s),
            var other => throw new ArgumentException($"Msg('subscribe') document name must be a DocumentName or one of start, descriptor, event, stop, all; got {other}."),
        };
        var token = Subscribe(callback, name);
        _tempCallbackTokens.Add(token);
        ResetCheckpointState();
        return token;
    }

    private object? UnsubscribeFromPlan(Msg msg)
    {
        var token = (msg.Kwargs.TryGetValue("token", out var t) ? t : msg.Args.Count > 0 ? msg.Args[0] : null) as int?
            ?? throw new ArgumentException("Msg('unsubscribe') needs the token returned by 'subscribe'.");
        if (!_tempCallbackTokens.Remove(token))
        {
            throw new KeyNotFoundException($"Token {token} was not issued by a 'subscribe' message in this plan.");
        }

        Unsubscribe(token);
        ResetCheckpointState();
        return null;
    }

    private async ValueTask<object?> WaitForAsync(Msg msg, CancellationToken ct)
    {
        if (msg.Args.Count == 0 || msg.Args[0] is not IEnumerable items)
        {
            throw new ArgumentException("Msg('wait_for') needs a list of tasks or task factories: Msg('wait_for', null, [task...]).");
        }

        var tasks = new List<Task>();
        foreach (var item in items)
        {
            tasks.Add(item switch
            {
                Task task => task,
                Func<Task> factory => factory(),
                Func<CancellationToken, Task> factory => factory(ct),
                Status status => status.Task,
                _ => throw new ArgumentException($"Msg('wait_for') cannot wait on {item?.GetType().Name ?? "null"}; give tasks, Func<Task> or statuses."),
            });
        }

        var all = Task.WhenAll(tasks);
        try
        {
            var timeout = Seconds(msg.Kwargs.GetValueOrDefault("timeout"));
            await (timeout is { } t ? all.WaitAsync(t, _options.TimeProvider, ct) : all.WaitAsync(ct)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new WaitForTimeoutError("Plan failed to complete in the specified time: 'wait_for' timed out.");
        }

        return tasks;
    }

    private async ValueTask<object?> InputAsync(Msg msg, CancellationToken ct)
    {
        var prompt = msg.Kwarg<string>("prompt") ?? string.Empty;
        if (_options.InputProvider is { } provider)
        {
            return await provider(prompt, ct).ConfigureAwait(false);
        }

        await Console.Out.WriteAsync(prompt).ConfigureAwait(false);
        return await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
    }

    private object? InstallSuspenderFromPlan(Msg msg)
    {
        InstallSuspender(Require<ISuspender>(msg, msg.Args.Count > 0 ? msg.Args[0] : msg.Obj));
        return null;
    }

    private object? RemoveSuspenderFromPlan(Msg msg)
    {
        RemoveSuspender(Require<ISuspender>(msg, msg.Args.Count > 0 ? msg.Args[0] : msg.Obj));
        return null;
    }

    private async ValueTask<object?> StartSuspenderAsync(Msg msg, CancellationToken ct)
    {
        var prePlan = msg.Args[0] as Func<Plan>;
        var postPlan = msg.Args[1] as Func<Plan>;
        var justification = msg.Args[2] as string;
        var resume = (Task)msg.Args[3]!;
        foreach (var bundler in _bundlers.Values)
        {
            bundler.RecordInterruption(justification ?? "suspended");
        }

        await StopMovablesAsync(success: true).ConfigureAwait(false);
        await NotifyPausablesAsync().ConfigureAwait(false);
        var rewindPlan = Rewind();
        var wasRewindable = _rewindable;
        PushPlan(SuspensionPlan(prePlan, postPlan, resume, wasRewindable, rewindPlan));
        return null;
    }

    private static async Plan SuspensionPlan(Func<Plan>? prePlan, Func<Plan>? postPlan, Task resume, bool wasRewindable, Plan rewindPlan)
    {
        // None of this may be replayed.
        await new Msg(C.Rewindable, null, false);
        if (prePlan is not null)
        {
            await prePlan();
        }

        await new Msg(C.WaitFor, null, new List<Task> { resume });
        await new Msg(C.ResumeFromSuspender);
        if (postPlan is not null)
        {
            await postPlan();
        }

        await new Msg(C.Rewindable, null, wasRewindable);
        await rewindPlan;
    }

    private async ValueTask<object?> ResumeFromSuspenderAsync(Msg msg, CancellationToken ct)
    {
        foreach (var bundler in _bundlers.Values)
        {
            bundler.RestoreMonitors();
        }

        foreach (var obj in _objsSeen)
        {
            if (obj is IPausable pausable)
            {
                await pausable.ResumeAsync(ct).ConfigureAwait(false);
            }
        }

        return null;
    }

    private static TimeSpan? Seconds(object? value) => value switch
    {
        null => null,
        TimeSpan span => span,
        _ => MetadataValues.AsDouble(value) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"Expected a duration in seconds, got {Msg.Describe(value)}."),
    };
}
