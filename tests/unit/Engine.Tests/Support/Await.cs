namespace Hyperion.Engine.Tests.Support;

/// <summary>Waits on conditions with a timeout, instead of sleeping "long enough".</summary>
public static class Await
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Completes when the engine enters <paramref name="state"/> (or is already in it).</summary>
    public static Task StateAsync(RunEngine engine, RunEngineState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(RunEngineState next, RunEngineState old)
        {
            if (next == state)
            {
                reached.TrySetResult();
            }
        }

        engine.StateChanged += Handler;
        if (engine.State == state)
        {
            reached.TrySetResult();
        }

        return reached.Task.WaitAsync(Timeout).ContinueWith(t => { engine.StateChanged -= Handler; t.GetAwaiter().GetResult(); }, TaskScheduler.Default);
    }

    /// <summary>Completes when the engine is about to process a message with <paramref name="command"/>.</summary>
    public static Task MessageAsync(RunEngine engine, string command)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = engine.MsgHook;
        engine.MsgHook = msg =>
        {
            previous?.Invoke(msg);
            if (msg.Command == command)
            {
                seen.TrySetResult();
            }
        };
        return seen.Task.WaitAsync(Timeout);
    }
}
