using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;

namespace Hyperion.Engine.Tests.Running;

public class RunEngineBasicsTests
{
    private static async Plan<string?> ThreePoints(SynGauss det, SynAxis motor)
    {
        var uid = await Stubs.OpenRun(new Dictionary<string, object?> { ["purpose"] = "test" });
        for (var i = 0; i < 3; i++)
        {
            await Stubs.Mv(motor, (double)i);
            await Stubs.TriggerAndRead([det, motor]);
        }

        await Stubs.CloseRun();
        return uid;
    }

    [Fact]
    public async Task Runs_a_plan_and_emits_start_descriptor_events_and_stop()
    {
        using var engine = new RunEngine();
        var docs = new List<(DocumentName Name, Document Doc)>();
        var motor = new SynAxis("motor");
        var det = new SynGauss("det", motor, center: 1, sigma: 1);
        var result = await engine.RunAsync(ThreePoints(det, motor), [(n, d) => docs.Add((n, d))]);

        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(
            [DocumentName.Start, DocumentName.Descriptor, DocumentName.Event, DocumentName.Event, DocumentName.Event, DocumentName.Stop],
            docs.Select(d => d.Name));
        var start = (RunStart)docs[0].Doc;
        Assert.Equal(result.PlanResult, start.Uid);
        Assert.Equal("test", start.Metadata["purpose"]);
        Assert.Equal("ThreePoints", start.PlanName);
        Assert.Equal(1L, start.ScanId);
        var events = docs.Where(d => d.Name == DocumentName.Event).Select(d => (Event)d.Doc).ToList();
        Assert.Equal([1, 2, 3], events.Select(e => e.SeqNum));
        Assert.Equal(1.0, (double)events[1].Data["det"]!, 6);
        Assert.Equal(2.0, (double)events[2].Data["motor"]!);
        var stop = (RunStop)docs[^1].Doc;
        Assert.Equal(3, stop.NumEvents["primary"]);
        Assert.Equal(RunEngineState.Idle, engine.State);
    }

    [Fact]
    public async Task Scan_id_increments_across_runs_from_persistent_metadata()
    {
        using var engine = new RunEngine();
        engine.Metadata["scan_id"] = 41L;
        var starts = new List<RunStart>();
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [(n, d) => { if (d is RunStart s) { starts.Add(s); } }]);
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [(n, d) => { if (d is RunStart s) { starts.Add(s); } }]);
        Assert.Equal([42L, 43L], starts.Select(s => s.ScanId));
    }

    [Fact]
    public async Task Unknown_command_is_thrown_into_the_plan_as_InvalidCommand()
    {
        using var engine = new RunEngine();
        var error = await Assert.ThrowsAsync<InvalidCommand>(() => engine.RunAsync(Plan.From(new Msg("no_such_command"))));
        Assert.Equal("no_such_command", error.Command);
        Assert.Equal("fail", engine.LastResult!.ExitStatus);
    }

    [Fact]
    public async Task Save_without_create_is_an_illegal_message_sequence()
    {
        using var engine = new RunEngine();
        var error = await Assert.ThrowsAsync<IllegalMessageSequence>(() => engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("save"))));
        Assert.Equal("save", error.Command);
        Assert.Contains("'create'", error.Reason, StringComparison.Ordinal);
    }
}
