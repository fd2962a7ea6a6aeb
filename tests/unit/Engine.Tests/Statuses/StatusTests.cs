using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Statuses;

public class StatusTests
{
    [Fact]
    public async Task Callbacks_run_when_the_task_finishes_and_at_once_when_already_done()
    {
        var completion = new TaskCompletionSource();
        var status = new Status(completion.Task, "device");
        var called = new TaskCompletionSource<Status>(TaskCreationOptions.RunContinuationsAsynchronously);
        status.AddCallback(s => called.TrySetResult(s));
        Assert.False(status.Done);
        completion.SetResult();
        Assert.Same(status, await called.Task.WaitAsync(Await.Timeout));
        Assert.True(status.Success);

        Status? immediate = null;
        status.AddCallback(s => immediate = s);
        Assert.Same(status, immediate);
    }

    [Fact]
    public void Failed_status_exposes_the_inner_exception()
    {
        var status = Status.FromException(new IOException("boom"), "dev");
        Assert.True(status.Done);
        Assert.False(status.Success);
        Assert.IsType<IOException>(status.Exception);
        Assert.Contains("failed", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Awaiting_a_failed_status_throws_its_exception()
    {
        var status = Status.FromException(new TimeoutException("slow"));
        await Assert.ThrowsAsync<TimeoutException>(async () => await status);
    }

    [Fact]
    public async Task Wait_with_timeout_throws_TimeoutException_while_still_running()
    {
        var status = new Status(new TaskCompletionSource().Task);
        await Assert.ThrowsAsync<TimeoutException>(() => status.WaitAsync(TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void Watchable_status_streams_updates_and_replays_the_last_to_late_watchers()
    {
        var status = new WatchableStatus(new TaskCompletionSource().Task, "motor");
        var early = new List<double>();
        status.Watch(u => early.Add(u.Current));
        status.Publish(new WatcherUpdate(1, 0, 10, "motor", "mm", 2));
        status.Publish(new WatcherUpdate(5, 0, 10, "motor", "mm", 2));
        var late = new List<WatcherUpdate>();
        status.Watch(late.Add);
        Assert.Equal([1.0, 5.0], early);
        Assert.Single(late);
        Assert.Equal(5, late[0].Current);
        Assert.Equal(0.5, late[0].FractionRemaining, 6);
    }

    [Fact]
    public async Task Watchable_status_from_updates_finishes_with_the_sequence()
    {
        static async IAsyncEnumerable<WatcherUpdate> Updates()
        {
            for (var i = 1; i <= 3; i++)
            {
                await Task.Yield();
                yield return new WatcherUpdate(i, 0, 3, TimeElapsed: TimeSpan.FromSeconds(i));
            }
        }

        var status = WatchableStatus.FromUpdates(Updates());
        await status.WaitAsync(Await.Timeout);
        Assert.True(status.Success);
        Assert.Equal(3, status.LastUpdate!.Current);
        Assert.Equal(0, status.LastUpdate.FractionRemaining);
    }

    [Fact]
    public async Task Watchable_status_from_failing_updates_fails()
    {
        static async IAsyncEnumerable<WatcherUpdate> Failing()
        {
            await Task.Yield();
            yield return new WatcherUpdate(0, 0, 1);
            throw new IOException("encoder lost");
        }

        var status = WatchableStatus.FromUpdates(Failing());
        await Assert.ThrowsAsync<IOException>(() => status.WaitAsync(Await.Timeout));
        Assert.IsType<IOException>(status.Exception);
    }
}
