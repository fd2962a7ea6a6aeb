namespace Hyperion.Engine.Tests.Support;

/// <summary>Records the messages a RunEngine processes (install as its MsgHook) and lets a test await one.</summary>
internal sealed class MsgRecorder
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<Msg> _messages = [];
    private readonly List<(Func<Msg, bool> Match, TaskCompletionSource<Msg> Seen)> _waiters = [];

    public IReadOnlyList<Msg> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<string> Commands => Messages.Select(m => m.Command).ToList();

    public void Record(Msg msg)
    {
        List<TaskCompletionSource<Msg>> seen = [];
        lock (_gate)
        {
            _messages.Add(msg);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(msg))
                {
                    seen.Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var s in seen)
        {
            s.TrySetResult(msg);
        }
    }

    /// <summary>Completes with the first message (already recorded or still to come) that matches.</summary>
    public Task<Msg> WhenSeen(Func<Msg, bool> match)
    {
        lock (_gate)
        {
            var existing = _messages.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var seen = new TaskCompletionSource<Msg>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, seen));
            return seen.Task.WaitAsync(Timeout);
        }
    }

    /// <summary>Completes when the <paramref name="occurrence"/>-th message with this command has been recorded.</summary>
    public Task<Msg> WhenSeen(string command, int occurrence = 1)
    {
        // The predicate sees each message once, in order: first the recorded ones, then each new one.
        var seenSoFar = 0;
        return WhenSeen(m => m.Command == command && ++seenSoFar >= occurrence);
    }
}
