using System.Diagnostics;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;
using Hyperion.Engine.Tracing;

namespace Hyperion.Engine.Tests.Running;

public class TracingAndSuspensionTests
{
    [Fact]
    public async Task Spans_cover_the_run_and_each_set_and_wait()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var engine = new RunEngine();
        var motor = new SynAxis("traced_motor");
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("set", motor, 1.0).WithKwarg("group", "g"), new Msg("wait", null, "g"), new Msg("close_run")));

        List<Activity> mine;
        lock (spans)
        {
            mine = spans.Where(s => s.Tags.Any(t => t.Value == "traced_motor") || s.DisplayName == "Run Engine run").ToList();
        }

        Assert.Contains(mine, s => s.DisplayName == "Run Engine set" && s.GetTagItem("msg.obj") as string == "traced_motor");
        var run = Assert.Single(spans, s => s.DisplayName == "Run Engine run" && s.GetTagItem("exit_status") as string == "success");
        Assert.NotNull(run);
        lock (spans)
        {
            Assert.Contains(spans, s => s.DisplayName == "Run Engine wait" && s.GetTagItem("group") as string == "g");
        }
    }

    [Fact]
    public async Task Request_suspend_rewinds_runs_pre_and_post_plans_and_replays()
    {
        using var engine = new RunEngine();
        var commands = new List<string>();
        engine.MsgHook = m => commands.Add(m.Command == "null" ? $"null:{(m.Args.Count > 0 ? m.Args[0] : null)}" : m.Command);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sleeping = Await.MessageAsync(engine, "sleep");
        var run = Task.Run(() => engine.RunAsync(Plan.From(
            new Msg("checkpoint"), new Msg("null", null, "a"), new Msg("sleep", null, 60.0), new Msg("null", null, "b"))));
        await sleeping;
        engine.RegisterCommand("sleep", (m, ct) => new ValueTask<object?>((object?)null));
        engine.RequestSuspend(
            resume.Task,
            prePlan: () => Plan.From(new Msg("null", null, "pre")),
            postPlan: () => Plan.From(new Msg("null", null, "post")),
            justification: "beam lost");
        await Await.MessageAsync(engine, "wait_for");
        Assert.False(run.IsCompleted);
        resume.SetResult();
        var result = await run.WaitAsync(Await.Timeout);
        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(
            [
                "checkpoint", "null:a", "sleep",
                "_start_suspender", "rewindable", "null:pre", "wait_for", "_resume_from_suspender", "null:post", "rewindable",
                "null:a", "sleep",
                "null:b",
            ],
            commands);
    }

    [Fact]
    public async Task Suspension_without_a_checkpoint_aborts()
    {
        using var engine = new RunEngine();
        var sleeping = Await.MessageAsync(engine, "sleep");
        var docs = new DocumentLog();
        var run = Task.Run(() => engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("clear_checkpoint"), new Msg("sleep", null, 60.0), new Msg("close_run")), [docs.Add]));
        await sleeping;
        engine.RequestSuspend(new TaskCompletionSource().Task, justification: "beam lost");
        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => run.WaitAsync(Await.Timeout));
        Assert.Equal("abort", interrupted.Result.ExitStatus);
        Assert.Equal("abort", docs.Of<RunStop>().Single().ExitStatus);
    }

    [Fact]
    public async Task A_suspension_requested_while_paused_takes_effect_on_resume()
    {
        using var engine = new RunEngine();
        var commands = new List<string>();
        engine.MsgHook = m => commands.Add(m.Command);
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("checkpoint"), new Msg("pause"), new Msg("null"))));
        var resume = new TaskCompletionSource();
        resume.SetResult();
        engine.RequestSuspend(resume.Task, justification: "tripped while paused");
        var result = await engine.ResumeAsync();
        Assert.Equal("success", result.ExitStatus);
        Assert.Contains("_start_suspender", commands);
        Assert.Equal("null", commands[^1]);
    }

    [Fact]
    public async Task A_plan_can_catch_InvalidCommand_and_carry_on()
    {
        using var engine = new RunEngine();

        static async Plan<string> Tolerant()
        {
            try
            {
                await new Msg("not_registered");
                return "no error";
            }
            catch (InvalidCommand ex)
            {
                await new Msg("null");
                return ex.Command;
            }
        }

        var result = await engine.RunAsync(Tolerant());
        Assert.Equal("not_registered", result.PlanResult);
        Assert.Equal("success", result.ExitStatus);
    }
}
