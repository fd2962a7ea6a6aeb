using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Logging;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Runner;
using Hyperion.Engine.Running;

namespace Hyperion.Cli.Tests.Runner;

public sealed class PlanRunnerTests : IDisposable
{
    private readonly RunEngine _engine = new();
    private readonly FakeExperiments _experiments = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task A_started_plan_is_busy_until_it_ends_then_idle()
    {
        await using var runner = new PlanRunner(_engine, _experiments.Factory);

        var answer = runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
        await _experiments.Started.WaitAsync(FakeExperiments.Timeout);

        Assert.Equal("Success", answer.Status);
        Assert.Equal("Busy", runner.Status.Status);
        Assert.IsType<SingleRotationScan>(Assert.Single(_experiments.Made).Parameters);
        _experiments.Release();
        await runner.Current.WaitAsync(FakeExperiments.Timeout);
        Assert.Equal(StatusAndMessage.Of(RunnerStatus.Idle), runner.Status);
    }

    [Fact]
    public async Task A_start_while_busy_fails_and_leaves_the_running_plan_alone()
    {
        await using var runner = new PlanRunner(_engine, _experiments.Factory);
        runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
        await _experiments.Started.WaitAsync(FakeExperiments.Timeout);

        var second = runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);

        Assert.Equal("Failed", second.Status);
        Assert.Contains("already running", second.Message, StringComparison.Ordinal);
        Assert.Single(_experiments.Made);
        Assert.Equal("Busy", runner.Status.Status);
        _experiments.Release();
        await runner.Current.WaitAsync(FakeExperiments.Timeout);
    }

    [Fact]
    public async Task Invalid_parameters_answer_with_the_field_errors_and_start_nothing()
    {
        await using var runner = new PlanRunner(_engine, _experiments.Factory);
        var json = FakeExperiments.RotationJson.Replace("\"exposure_time_s\": 0.1", "\"exposure_time_s\": -1", StringComparison.Ordinal);

        var answer = runner.Start(HyperionPlans.RotationScan, json);

        Assert.Equal("Failed", answer.Status);
        Assert.Equal(nameof(ParameterValidationException), answer.ExceptionType);
        Assert.Contains("exposure_time_s", answer.Message, StringComparison.Ordinal);
        Assert.Empty(_experiments.Made);
        Assert.Equal("Idle", runner.Status.Status);
    }

    [Fact]
    public async Task An_unknown_plan_is_refused_naming_the_plans_there_are()
    {
        await using var runner = new PlanRunner(_engine, _experiments.Factory);

        var answer = runner.Start("make_coffee", "{}");

        Assert.Equal("Failed", answer.Status);
        Assert.Equal(nameof(PlanNotFoundException), answer.ExceptionType);
        Assert.Contains("load_centre_collect_full", answer.Message, StringComparison.Ordinal);
        Assert.Empty(_experiments.Made);
    }

    [Fact]
    public async Task A_failing_plan_leaves_failed_with_its_message_and_type_and_flushes_the_debug_log()
    {
        var directory = Directory.CreateTempSubdirectory("runner-debug-").FullName;
        try
        {
            var debug = new DebugLogBuffer(directory, new LogContext());
            _experiments.Failure = new InvalidOperationException("the detector would not arm");
            await using var runner = new PlanRunner(_engine, _experiments.Factory, debugLog: debug);

            runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
            await runner.Current.WaitAsync(FakeExperiments.Timeout);

            Assert.Equal(new StatusAndMessage("Failed", "the detector would not arm", nameof(InvalidOperationException)), runner.Status);
            Assert.Single(Directory.GetFiles(directory, "hyperion-debug-*.log"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_sample_problem_ends_failed_with_its_type_as_mx_bluesky_reports_warnings()
    {
        _experiments.Failure = FakeExperiments.NoCrystal();
        await using var runner = new PlanRunner(_engine, _experiments.Factory);

        runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
        await runner.Current.WaitAsync(FakeExperiments.Timeout);

        // As mx-bluesky's SampleError prints itself.
        Assert.Equal(new StatusAndMessage("Failed", $"[{nameof(CrystalNotFoundException)}]: {CrystalNotFoundException.Text}", nameof(CrystalNotFoundException)), runner.Status);
    }

    [Fact]
    public async Task Stop_aborts_the_plan_through_aborting_back_to_idle_and_the_run_records_abort()
    {
        var stops = new List<string>();
        _engine.Subscribe((_, doc) =>
        {
            if (doc is Engine.Documents.RunStop stop)
            {
                stops.Add(stop.ExitStatus);
            }
        });
        await using var runner = new PlanRunner(_engine, _experiments.Factory);
        runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
        await _experiments.Started.WaitAsync(FakeExperiments.Timeout);

        var answer = runner.Stop();
        Assert.Equal("Aborting", answer.Status);
        await runner.Current.WaitAsync(FakeExperiments.Timeout);

        Assert.Equal("Idle", runner.Status.Status);
        Assert.Equal(["abort"], stops);
        Assert.Equal(RunEngineState.Idle, _engine.State);
    }

    [Fact]
    public async Task A_plan_that_cannot_be_made_is_refused_before_anything_starts()
    {
        await using var runner = new PlanRunner(_engine, (plan, _) => throw new PlanNotAvailableException(plan, "not ported"));

        var answer = runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);

        Assert.Equal("Failed", answer.Status);
        Assert.Equal(nameof(PlanNotAvailableException), answer.ExceptionType);
        Assert.Contains("not ported", answer.Message, StringComparison.Ordinal);
        Assert.Equal("Idle", runner.Status.Status);
    }

    [Fact]
    public async Task Stop_while_idle_fails()
    {
        await using var runner = new PlanRunner(_engine, _experiments.Factory);

        Assert.Equal(new StatusAndMessage("Failed", "Bluesky not running"), runner.Stop());
    }

    [Fact]
    public async Task The_status_settles_only_after_the_callbacks_have_drained()
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runner = new PlanRunner(_engine, _experiments.Factory, drainCallbacks: _ => drained.Task);
        runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
        _experiments.Release();
        await _experiments.Started.WaitAsync(FakeExperiments.Timeout);
        await WaitUntilAsync(() => _engine.State == RunEngineState.Idle);

        Assert.Equal("Busy", runner.Status.Status);
        drained.SetResult();
        await runner.Current.WaitAsync(FakeExperiments.Timeout);
        Assert.Equal("Idle", runner.Status.Status);
    }

    [Fact]
    public async Task A_callback_that_fails_to_record_the_run_fails_the_experiment()
    {
        await using var runner = new PlanRunner(_engine, _experiments.Factory, drainCallbacks: _ => Task.FromException(new IOException("ispyb unreachable")));
        _experiments.Release();

        runner.Start(HyperionPlans.RotationScan, FakeExperiments.RotationJson);
        await runner.Current.WaitAsync(FakeExperiments.Timeout);

        Assert.Equal(new StatusAndMessage("Failed", "ispyb unreachable", nameof(IOException)), runner.Status);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(FakeExperiments.Timeout);
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
