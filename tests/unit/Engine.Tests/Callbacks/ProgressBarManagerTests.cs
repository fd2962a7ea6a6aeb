using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Hyperion.Engine.Tests.Callbacks;

public class ProgressBarManagerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A motor whose moves report progress and finish when the test says so.</summary>
    private sealed class ManualMotor(string name) : IMovable, IHasName
    {
        public string Name { get; } = name;

        public TaskCompletionSource? Move { get; private set; }

        public WatchableStatus? Status { get; private set; }

        public Status Set(object? value)
        {
            Move = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Status = new WatchableStatus(Move.Task, this);
            Status.Publish(new WatcherUpdate(0, 0, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), Name, "mm", 3));
            return Status;
        }
    }

    private sealed class Named(string name) : IHasName
    {
        public string Name { get; } = name;
    }

    private static WatcherUpdate Motor(double current, TimeSpan elapsed, TimeSpan remaining) =>
        new(current, 0, 5, "motor", "mm", 3, TimeElapsed: elapsed, TimeRemaining: remaining);

    [Fact]
    public async Task Non_interactive_console_reports_each_status_when_drawn_and_when_it_finishes()
    {
        using var console = new TestConsole();
        var manager = new ProgressBarManager(console, drawDelay: TimeSpan.Zero);

        // Synchronous completion, as a device thread finishing its status: each line is written before the next status ends.
        var move = new TaskCompletionSource();
        var motor = new WatchableStatus(move.Task, new Named("motor"));
        motor.Publish(Motor(0, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
        var exposure = new TaskCompletionSource();
        var detector = new Status(exposure.Task, new Named("det"));

        manager.Update([motor, detector]);
        Assert.True(await manager.WhenDrawnAsync().WaitAsync(Timeout));
        motor.Publish(Motor(2.5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        motor.Publish(Motor(5, TimeSpan.FromSeconds(2), TimeSpan.Zero));
        move.SetResult();
        exposure.SetException(new TimeoutException("det timed out after 1 s"));
        manager.Update(null);
        await manager.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(
            [
                "motor: 0.000 / 5.000 mm (0%) 00:00<00:02",
                "det: in progress",
                "motor: 5.000 / 5.000 mm (100%) 00:02<00:00",
                "det: failed: det timed out after 1 s",
            ],
            console.Lines);
        Assert.False(manager.IsActive);
    }

    [Fact]
    public async Task Interactive_console_draws_bars_with_values_and_a_spinner_then_finishes_them()
    {
        using var console = new TestConsole().Interactive().Width(120);
        var manager = new ProgressBarManager(console, drawDelay: TimeSpan.Zero);
        var move = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var motor = new WatchableStatus(move.Task, new Named("motor"));
        var exposure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var detector = new Status(exposure.Task, new Named("det"));

        manager.Update([motor, detector]);
        Assert.True(await manager.WhenDrawnAsync().WaitAsync(Timeout));
        motor.Publish(Motor(2.5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        manager.Refresh();
        Assert.Contains("2.500 / 5.000 mm (50%)", console.Output, StringComparison.Ordinal);
        Assert.Contains("00:01<00:01", console.Output, StringComparison.Ordinal);
        Assert.Contains("in progress", console.Output, StringComparison.Ordinal);

        motor.Publish(Motor(5, TimeSpan.FromSeconds(2), TimeSpan.Zero));
        move.SetResult();
        exposure.SetResult();
        manager.Update(null);
        await manager.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Contains("5.000 / 5.000 mm (100%)", console.Output, StringComparison.Ordinal);
        Assert.Contains("done", console.Output, StringComparison.Ordinal);
        Assert.Contains("motor", console.Output, StringComparison.Ordinal);
        Assert.Contains("det", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_shorter_than_the_draw_delay_draws_nothing()
    {
        using var console = new TestConsole();
        var manager = new ProgressBarManager(console, new FakeTimeProvider(), drawDelay: TimeSpan.FromSeconds(0.2));
        var move = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        manager.Update([new WatchableStatus(move.Task, new Named("motor"))]);
        var drawn = manager.WhenDrawnAsync();
        move.SetResult();
        manager.Update(null);

        Assert.False(await drawn.WaitAsync(Timeout));
        await manager.WhenIdleAsync().WaitAsync(Timeout);
        Assert.Equal(string.Empty, console.Output);
    }

    [Fact]
    public async Task Bars_are_drawn_once_the_draw_delay_has_passed_on_the_given_clock()
    {
        using var console = new TestConsole();
        var time = new FakeTimeProvider();
        var manager = new ProgressBarManager(console, time, drawDelay: TimeSpan.FromSeconds(0.2));
        var move = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        manager.Update([new Status(move.Task, new Named("shutter"))]);
        var drawn = manager.WhenDrawnAsync();
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(drawn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await drawn.WaitAsync(Timeout));

        move.SetResult();
        await manager.DisposeAsync();
        Assert.Equal(["shutter: in progress", "shutter: done"], console.Lines);
    }

    [Fact]
    public async Task Updates_from_many_device_threads_while_drawing_are_safe()
    {
        using var console = new TestConsole().Interactive().Width(120);
        var manager = new ProgressBarManager(console, drawDelay: TimeSpan.Zero);
        var moves = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var statuses = moves.Select((m, i) => new WatchableStatus(m.Task, new Named($"axis{i}"))).ToList();

        manager.Update(statuses);
        Assert.True(await manager.WhenDrawnAsync().WaitAsync(Timeout));
        var devices = statuses.Select((status, i) => Task.Run(() =>
        {
            for (var step = 0; step <= 200; step++)
            {
                status.Publish(new WatcherUpdate(step / 20.0, 0, 10, $"axis{i}", "deg", 2));
                if (step % 50 == 0)
                {
                    manager.Refresh();
                }
            }

            moves[i].SetResult();
        })).ToList();
        await Task.WhenAll(devices).WaitAsync(Timeout);
        manager.Update(null);
        await manager.WhenIdleAsync().WaitAsync(Timeout);

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains($"axis{i}", console.Output, StringComparison.Ordinal);
        }

        Assert.Contains("10.00 / 10.00 deg (100%)", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_waits_show_bars_through_the_waiting_hook()
    {
        using var console = new TestConsole();
        var manager = new ProgressBarManager(console, drawDelay: TimeSpan.Zero);
        using var engine = new RunEngine();
        var motor = new ManualMotor("motor");
        var hooked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.WaitingHook = statuses =>
        {
            manager.Update(statuses);
            if (statuses is not null)
            {
                hooked.TrySetResult();
            }
        };

        var run = engine.RunAsync(Stubs.Mv(motor, 5.0));
        await hooked.Task.WaitAsync(Timeout);
        Assert.True(await manager.WhenDrawnAsync().WaitAsync(Timeout));
        motor.Status!.Publish(new WatcherUpdate(5, 0, 5, "motor", "mm", 3));
        motor.Move!.SetResult();
        await run.WaitAsync(Timeout);
        await manager.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(["motor: 0.000 / 5.000 mm (0%)", "motor: 5.000 / 5.000 mm (100%)"], console.Lines);
        Assert.False(manager.IsActive);
    }

    [Fact]
    public async Task A_status_that_finishes_as_the_wait_ends_is_still_reported()
    {
        using var console = new TestConsole();
        var manager = new ProgressBarManager(console, drawDelay: TimeSpan.Zero);
        var exposure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        manager.Update([new Status(exposure.Task, new Named("det"))]);
        Assert.True(await manager.WhenDrawnAsync().WaitAsync(Timeout));
        exposure.SetResult();
        manager.Update(null);
        await manager.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Equal(["det: in progress", "det: done"], console.Lines);
    }
}
