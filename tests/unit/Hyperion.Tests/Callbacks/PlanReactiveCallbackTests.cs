using Hyperion.Cli.Callbacks;
using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Cli.Tests.Callbacks;

public sealed class PlanReactiveCallbackTests
{
    [Fact]
    public async Task A_callback_is_active_only_between_the_start_that_names_it_and_that_runs_stop()
    {
        var callback = new Recorder();
        await using var queue = new DocumentQueue([callback], NullLogger.Instance);
        var docs = new Docs(queue.Callback);
        var before = docs.Start(new() { ["subplan_name"] = "before" });
        docs.Stop(before);
        var outer = docs.Start(new() { ["activate_callbacks"] = new List<string> { "Recorder" }, ["subplan_name"] = "outer" });
        var inner = docs.Start(new() { ["subplan_name"] = "inner" });
        docs.Stop(inner);
        docs.Stop(outer);
        var after = docs.Start(new() { ["subplan_name"] = "after" });
        docs.Stop(after);
        await queue.DrainAsync(CancellationToken.None);

        Assert.Equal(["start outer", "start inner", "stop", "stop"], callback.Seen);
        Assert.False(callback.Active);
    }

    [Fact]
    public async Task A_start_naming_other_callbacks_does_not_activate_this_one()
    {
        var callback = new Recorder();
        await using var queue = new DocumentQueue([callback], NullLogger.Instance);
        var docs = new Docs(queue.Callback);
        var run = docs.Start(new() { ["activate_callbacks"] = new List<string> { "SomethingElse" } });
        var nested = docs.Start(new() { ["activate_callbacks"] = new List<string> { "Recorder" }, ["subplan_name"] = "nested" });
        docs.Stop(nested);
        docs.Stop(run);
        await queue.DrainAsync(CancellationToken.None);

        // As mx-bluesky: an inactive callback may still be activated by a nested run that names it.
        Assert.Equal(["start nested", "stop"], callback.Seen);
    }

    [Fact]
    public async Task A_failing_callback_is_reported_by_the_drain_with_the_run_and_callback_and_keeps_getting_documents()
    {
        var callback = new Recorder { FailOnStart = true };
        await using var queue = new DocumentQueue([callback], NullLogger.Instance);
        var docs = new Docs(queue.Callback);
        var run = docs.Start(new() { ["activate_callbacks"] = new List<string> { "Recorder" } });
        docs.Stop(run);

        var error = await Assert.ThrowsAsync<CallbackFailuresException>(() => queue.DrainAsync(CancellationToken.None));
        var failure = Assert.Single(error.Failures);
        Assert.Equal("Recorder", failure.Callback);
        Assert.Equal(run, failure.RunUid);
        Assert.Equal(DocumentName.Start, failure.Document);
        Assert.Contains("stop", callback.Seen);

        // A drain reports each failure once.
        await queue.DrainAsync(CancellationToken.None);
    }

    private sealed class Recorder() : PlanReactiveCallback(NullLogger.Instance)
    {
        public List<string> Seen { get; } = [];

        public bool FailOnStart { get; init; }

        public override string Name => "Recorder";

        protected override Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken)
        {
            if (FailOnStart)
            {
                throw new InvalidOperationException("boom");
            }

            Seen.Add("start " + start.GetString("subplan_name"));
            return Task.CompletedTask;
        }

        protected override Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken)
        {
            Seen.Add("stop");
            return Task.CompletedTask;
        }
    }
}
