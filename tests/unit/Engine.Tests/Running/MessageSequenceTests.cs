using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Running;

public class MessageSequenceTests
{
    private static async Task<T> FailsWith<T>(params Msg[] plan)
        where T : Exception
    {
        using var engine = new RunEngine();
        return await Assert.ThrowsAsync<T>(() => engine.RunAsync(Plan.From(plan)));
    }

    [Fact]
    public async Task Opening_a_run_twice_is_illegal()
    {
        var error = await FailsWith<IllegalMessageSequence>(new Msg("open_run"), new Msg("open_run"));
        Assert.Equal("open_run", error.Command);
    }

    [Fact]
    public async Task Saving_without_an_open_bundle_is_illegal() =>
        Assert.Equal("save", (await FailsWith<IllegalMessageSequence>(new Msg("open_run"), new Msg("save"))).Command);

    [Fact]
    public async Task Dropping_without_an_open_bundle_is_illegal() =>
        Assert.Equal("drop", (await FailsWith<IllegalMessageSequence>(new Msg("open_run"), new Msg("drop"))).Command);

    [Fact]
    public async Task Opening_a_bundle_without_a_run_is_illegal()
    {
        var error = await FailsWith<IllegalMessageSequence>(new Msg("create", null, "primary"));
        Assert.Contains("open_run", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_inside_a_bundle_is_illegal() =>
        Assert.Equal("checkpoint", (await FailsWith<IllegalMessageSequence>(new Msg("open_run"), new Msg("create", null, "primary"), new Msg("checkpoint"))).Command);

    [Fact]
    public async Task Second_create_before_save_is_illegal() =>
        Assert.Equal("create", (await FailsWith<IllegalMessageSequence>(new Msg("open_run"), new Msg("create", null, "primary"), new Msg("create", null, "primary"))).Command);

    [Fact]
    public async Task Closing_a_run_that_is_not_open_is_illegal() =>
        Assert.Equal("close_run", (await FailsWith<IllegalMessageSequence>(new Msg("close_run"))).Command);

    [Fact]
    public async Task Monitoring_the_same_signal_twice_is_illegal()
    {
        var signal = new SynSignal("sig", 1.0);
        var error = await FailsWith<IllegalMessageSequence>(new Msg("open_run"), new Msg("monitor", signal), new Msg("monitor", signal));
        Assert.Equal("monitor", error.Command);
    }

    [Fact]
    public async Task Create_requires_a_stream_name()
    {
        var error = await FailsWith<ArgumentException>(new Msg("open_run"), new Msg("create"));
        Assert.Contains("stream name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_on_an_object_that_is_not_movable_names_the_protocol_and_object()
    {
        var det = new SynGauss("det");
        var error = await FailsWith<DeviceProtocolException>(new Msg("set", det, 1.0));
        Assert.Equal(typeof(IMovable), error.Protocol);
        Assert.Contains("'det'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_bundle_emits_no_event()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("create", null, "primary"), new Msg("save"), new Msg("close_run")), [docs.Add]);
        Assert.Equal([DocumentName.Start, DocumentName.Stop], docs.Names);
    }

    [Fact]
    public async Task Dropped_bundle_emits_no_event_and_a_later_bundle_does()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var det = new SynGauss("det");
        await engine.RunAsync(Plan.From(
            new Msg("open_run"),
            new Msg("create", null, "primary"), new Msg("read", det), new Msg("drop"),
            new Msg("create", null, "primary"), new Msg("read", det), new Msg("save"),
            new Msg("close_run")), [docs.Add]);
        var events = docs.Of<Event>();
        Assert.Single(events);
        Assert.Equal(1, events[0].SeqNum);
    }

    [Fact]
    public async Task Colliding_data_keys_in_one_event_are_refused_with_both_names()
    {
        var a = new RecordingDevice("same");
        var b = new RecordingDevice("same");
        var error = await FailsWith<InvalidOperationException>(new Msg("open_run"), new Msg("create", null, "primary"), new Msg("read", a), new Msg("read", b));
        Assert.Contains("collide", error.Message, StringComparison.Ordinal);
        Assert.Contains("same", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_different_objects_into_an_existing_stream_is_refused()
    {
        var a = new SynGauss("a");
        var b = new SynGauss("b");
        var error = await FailsWith<InvalidOperationException>(
            new Msg("open_run"),
            new Msg("create", null, "primary"), new Msg("read", a), new Msg("save"),
            new Msg("create", null, "primary"), new Msg("read", b), new Msg("save"));
        Assert.Contains("Mismatched objects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_read_fails_the_plan_with_the_devices_exception()
    {
        var device = new RecordingDevice("broken") { ReadError = new IOException("sensor unplugged") };
        var error = await FailsWith<IOException>(new Msg("open_run"), new Msg("create", null, "primary"), new Msg("read", device), new Msg("save"));
        Assert.Equal("sensor unplugged", error.Message);
    }

    [Fact]
    public async Task Stage_and_unstage_are_optional_and_return_an_empty_list()
    {
        using var engine = new RunEngine();
        var responses = new List<object?>();

        async Plan Plan()
        {
            responses.Add(await new Msg("stage", new object()));
            responses.Add(await new Msg("unstage", new object()));
        }

        await engine.RunAsync(Plan());
        Assert.All(responses, r => Assert.Empty((System.Collections.IEnumerable)r!));
    }

    [Fact]
    public async Task Exception_from_plan_fails_with_exit_status_fail_and_reason()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();

        static async Plan Broken()
        {
            await new Msg("open_run");
            throw new InvalidDataException("the sample exploded");
        }

        await Assert.ThrowsAsync<InvalidDataException>(() => engine.RunAsync(Broken(), [docs.Add]));
        var stop = docs.Of<RunStop>().Single();
        Assert.Equal("fail", stop.ExitStatus);
        Assert.Equal("the sample exploded", stop.Reason);
        Assert.Equal("fail", engine.LastResult!.ExitStatus);
        Assert.IsType<InvalidDataException>(engine.LastResult.Exception);
    }
}
