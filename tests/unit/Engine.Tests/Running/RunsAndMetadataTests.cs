using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Running;

public class RunsAndMetadataTests
{
    private static async Plan TwoInterleavedRuns(SynGauss det)
    {
        await Stubs.OpenRun(new Dictionary<string, object?> { ["which"] = "a" }, run: "a");
        await Stubs.OpenRun(new Dictionary<string, object?> { ["which"] = "b" }, run: "b");
        foreach (var key in new[] { "a", "b", "a" })
        {
            await new Msg("create", null, [], new Dictionary<string, object?> { ["name"] = "primary" }, key);
            await new Msg("read", det, [], new Dictionary<string, object?>(), key);
            await new Msg("save", null, [], new Dictionary<string, object?>(), key);
        }

        await Stubs.CloseRun(run: "b");
        await Stubs.CloseRun(run: "a");
    }

    [Fact]
    public async Task Several_runs_can_be_open_at_once_keyed_by_run_key()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var result = await engine.RunAsync(TwoInterleavedRuns(new SynGauss("det")), [docs.Add]);
        var starts = docs.Of<RunStart>();
        Assert.Equal(2, starts.Count);
        Assert.Equal(starts.Select(s => s.Uid), result.RunStartUids);
        var byUid = starts.ToDictionary(s => s.Uid, s => (string)s.Metadata["which"]!);
        var descriptorRun = docs.Of<EventDescriptor>().ToDictionary(d => d.Uid, d => byUid[d.RunStartUid]);
        Assert.Equal(["a:1", "b:1", "a:2"], docs.Of<Event>().Select(e => $"{descriptorRun[e.Descriptor]}:{e.SeqNum}"));
        var stops = docs.Of<RunStop>();
        Assert.Equal(["b", "a"], stops.Select(s => byUid[s.RunStartUid]));
        Assert.Equal([1L, 2L], stops.Select(s => s.NumEvents["primary"]));
    }

    [Fact]
    public async Task Runs_left_open_by_an_interrupted_plan_all_get_a_RunStop()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(
            Plan.From(new Msg("open_run") { Run = "x" }, new Msg("open_run") { Run = "y" }, new Msg("pause")), [docs.Add]));
        await engine.AbortAsync("enough");
        Assert.Equal(2, docs.Of<RunStop>().Count);
        Assert.All(docs.Of<RunStop>(), s => Assert.Equal("abort", s.ExitStatus));
    }

    [Fact]
    public async Task Metadata_precedence_is_call_then_open_run_then_plan_then_persistent()
    {
        using var engine = new RunEngine();
        engine.Metadata["source"] = "persistent";
        engine.Metadata["persistent_only"] = 1;
        var docs = new DocumentLog();

        static async Plan Named()
        {
            await Stubs.OpenRun(new Dictionary<string, object?> { ["source"] = "open_run", ["plan_name"] = "from_open_run", ["open_run_only"] = 2 });
            await Stubs.CloseRun();
        }

        await engine.RunAsync(Named(), [docs.Add], new Dictionary<string, object?> { ["source"] = "call", ["call_only"] = 3 });
        var start = docs.Of<RunStart>().Single();
        Assert.Equal("call", start.Metadata["source"]);
        Assert.Equal("from_open_run", start.PlanName);
        Assert.Equal("generator", start.Metadata["plan_type"]);
        Assert.Equal(1, start.Metadata["persistent_only"]);
        Assert.Equal(2, start.Metadata["open_run_only"]);
        Assert.Equal(3, start.Metadata["call_only"]);
        Assert.True(start.Metadata.ContainsKey("versions"));
    }

    [Fact]
    public async Task Plan_name_comes_from_the_plan_when_not_given()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();

        static async Plan MyCustomPlan()
        {
            await Stubs.OpenRun();
            await Stubs.CloseRun();
        }

        await engine.RunAsync(MyCustomPlan(), [docs.Add]);
        Assert.Equal("MyCustomPlan", docs.Of<RunStart>().Single().PlanName);
    }

    [Theory]
    [InlineData("bad.key")]
    [InlineData("bad/key")]
    public async Task Metadata_keys_breaking_the_schema_are_refused_with_the_key_named(string key)
    {
        using var engine = new RunEngine();
        var error = await Assert.ThrowsAsync<MetadataValidationError>(() =>
            engine.RunAsync(Plan.From(new Msg("open_run", null, [], new Dictionary<string, object?> { [key] = 1 }))));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public async Task Sample_metadata_must_be_a_string_or_dictionary()
    {
        using var engine = new RunEngine();
        var error = await Assert.ThrowsAsync<MetadataValidationError>(() =>
            engine.RunAsync(Plan.From(new Msg("open_run")), metadata: new Dictionary<string, object?> { ["sample"] = new[] { 1, 2 } }));
        Assert.Equal("sample", error.Key);
    }

    [Fact]
    public async Task Custom_scan_id_source_and_validator_are_used()
    {
        var validated = 0;
        using var engine = new RunEngine(new RunEngineOptions
        {
            ScanIdSource = (md, ct) => new ValueTask<long>(1000),
            MetadataValidator = md => validated++,
        });
        var docs = new DocumentLog();
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [docs.Add]);
        Assert.Equal(1000L, docs.Of<RunStart>().Single().ScanId);
        Assert.Equal(1, validated);
    }

    [Fact]
    public async Task Preprocessors_in_the_options_wrap_every_plan()
    {
        var seen = new List<string>();
        using var engine = new RunEngine(new RunEngineOptions
        {
            Preprocessors = { plan => Preprocessors.MsgMutator(plan, m => m.Command == "null" ? m with { Command = "checkpoint" } : m) },
        });
        engine.MsgHook = m => seen.Add(m.Command);
        await engine.RunAsync(Plan.From(new Msg("null"), new Msg("null")));
        Assert.Equal(["checkpoint", "checkpoint"], seen);
    }

    [Fact]
    public async Task Callback_exceptions_fail_the_plan_by_default_naming_the_callback()
    {
        using var engine = new RunEngine();
        var error = await Assert.ThrowsAsync<CallbackFailedException>(() =>
            engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [(n, d) => throw new FormatException("bad callback")]));
        Assert.Equal(DocumentName.Start, error.Document);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task Callback_exceptions_are_logged_and_ignored_when_configured()
    {
        using var engine = new RunEngine(new RunEngineOptions { CallbackExceptionPolicy = CallbackExceptionPolicy.LogAndContinue });
        var docs = new DocumentLog();
        var result = await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [(n, d) => throw new FormatException("bad"), docs.Add]);
        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(2, docs.All.Count);
    }

    [Fact]
    public async Task Subscribe_and_unsubscribe_messages_manage_subscriptions_within_the_plan()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();

        async Plan Subscribing()
        {
            var token = await Stubs.Subscribe(docs.Add, DocumentName.Start);
            await Stubs.OpenRun();
            await Stubs.CloseRun();
            await Stubs.Unsubscribe(token!.Value);
            await Stubs.OpenRun();
            await Stubs.CloseRun();
        }

        await engine.RunAsync(Subscribing());
        Assert.Equal([DocumentName.Start], docs.Names);
        Assert.Equal(0, engine.Dispatcher.Count);
    }

    [Fact]
    public async Task Input_is_answered_by_the_input_provider()
    {
        using var engine = new RunEngine(new RunEngineOptions { InputProvider = (prompt, ct) => new ValueTask<string?>($"answer to {prompt}") });

        static async Plan<string?> Asks() => await Stubs.Input("name?");

        Assert.Equal("answer to name?", (await engine.RunAsync(Asks())).PlanResult);
    }

    [Fact]
    public async Task Locate_returns_setpoint_and_readback()
    {
        using var engine = new RunEngine();
        var motor = new SynAxis("m", 2.5);

        async Plan<Location?> Locates() => await Stubs.Locate(motor);

        var location = (Location)(await engine.RunAsync(Locates())).PlanResult!;
        Assert.Equal(2.5, location.Readback);
        Assert.Equal(2.5, location.Setpoint);
    }

    [Fact]
    public async Task Configure_re_emits_descriptors_that_include_the_object()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var det = new ConfigurableDetector("det");
        await engine.RunAsync(Plan.From(
            new Msg("open_run"),
            new Msg("create", null, "primary"), new Msg("read", det), new Msg("save"),
            new Msg("configure", det, [], new Dictionary<string, object?> { ["gain"] = 5.0 }),
            new Msg("create", null, "primary"), new Msg("read", det), new Msg("save"),
            new Msg("close_run")), [docs.Add]);
        var descriptors = docs.Of<EventDescriptor>();
        Assert.Equal(2, descriptors.Count);
        Assert.Equal(1.0, descriptors[0].Configuration["det"].Data["gain"]);
        Assert.Equal(5.0, descriptors[1].Configuration["det"].Data["gain"]);
        var events = docs.Of<Event>();
        Assert.Equal(descriptors[1].Uid, events[1].Descriptor);
        Assert.Equal([1, 2], events.Select(e => e.SeqNum));
    }

    private sealed class ConfigurableDetector(string name) : IReadable, IReconfigurable
    {
        private double _gain = 1.0;

        public string Name => name;

        public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
            new(new Dictionary<string, Reading> { [name] = new(_gain * 10, 1) });

        public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
            new(new Dictionary<string, DataKey> { [name] = DataKey.Number("SIM:" + name) });

        public ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default) =>
            new(new Dictionary<string, Reading> { ["gain"] = new(_gain, 1) });

        public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default) =>
            new(new Dictionary<string, DataKey> { ["gain"] = DataKey.Number("SIM:gain") });

        public async ValueTask<(IReadOnlyDictionary<string, Reading> Old, IReadOnlyDictionary<string, Reading> New)> ConfigureAsync(
            IReadOnlyDictionary<string, object?> settings, CancellationToken cancellationToken = default)
        {
            var old = await ReadConfigurationAsync(cancellationToken);
            _gain = (double)settings["gain"]!;
            return (old, await ReadConfigurationAsync(cancellationToken));
        }
    }
}
