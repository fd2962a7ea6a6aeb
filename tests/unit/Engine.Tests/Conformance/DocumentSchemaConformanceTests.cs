using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hyperion.Engine.Composition;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Serialization;
using Hyperion.Engine.Simulation;

namespace Hyperion.Engine.Tests.Conformance;

/// <summary>
/// Runs real plans on a real RunEngine with the simulated devices so that it emits every kind of document
/// (and the variants that matter: configuration, hints, monitors, interruptions, external assets, fly scans,
/// a failed run), then validates each one, as JSON, against event-model's own schemas, and the whole stream
/// against event-model's rules.
/// </summary>
public class DocumentSchemaConformanceTests
{
    [Fact]
    public async Task Every_document_the_run_engine_emits_conforms_to_event_models_schemas()
    {
        var docs = await EmitEveryKindOfDocumentAsync();

        AssertEveryKindEmitted(docs);
        AssertVariantsCovered(docs);
        AssertConforms([.. docs, .. PackDatumPages(docs)]);
    }

    [Fact]
    public async Task The_emitted_document_stream_follows_event_models_rules()
    {
        var docs = await EmitEveryKindOfDocumentAsync();

        var violations = EventModelRules.Check(docs.Select(d => (d.Name, d.Document)));

        Assert.True(violations.Count == 0, "event-model's rules are broken:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task A_descriptor_of_an_axis_with_a_one_sided_limit_conforms_to_the_schema()
    {
        using var engine = NewEngine();
        var docs = new List<Recorded>();
        var motor = new SynAxis("theta") { LowLimit = -10 };

        await engine.RunAsync(OneReading(motor), [Record(docs)]);

        AssertConforms(docs);
    }

    [Theory]
    [InlineData("missing seq_num", "seq_num")]
    [InlineData("extra field", "/not_an_event_field")]
    [InlineData("seq_num not an integer", "/seq_num")]
    [InlineData("missing data", "data")]
    public async Task A_broken_event_fails_schema_validation(string breakage, string named)
    {
        var ev = Recorded.Of(DocumentName.Event, await OneEventAsync());
        Assert.Empty(EventModelSchemas.Validate(DocumentName.Event, ev.Json));
        var json = JsonNode.Parse(ev.Json.GetRawText())!.AsObject();
        switch (breakage)
        {
            case "missing seq_num":
                json.Remove("seq_num");
                break;
            case "extra field":
                json["not_an_event_field"] = 1;
                break;
            case "seq_num not an integer":
                json["seq_num"] = 1.5;
                break;
            case "missing data":
                json.Remove("data");
                break;
        }

        var errors = EventModelSchemas.Validate(DocumentName.Event, ToElement(json));

        Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_conformance_check_fails_listing_the_document_and_every_schema_error()
    {
        var ev = Recorded.Of(DocumentName.Event, await OneEventAsync());
        var json = JsonNode.Parse(ev.Json.GetRawText())!.AsObject();
        json.Remove("seq_num");
        json["not_an_event_field"] = true;
        var broken = ev with { Json = ToElement(json) };

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertConforms([ev, broken]));

        Assert.Contains("1 of 2 documents do not conform", failure.Message, StringComparison.Ordinal);
        Assert.Contains("document #1, a 'event' (schema event.json)", failure.Message, StringComparison.Ordinal);
        Assert.Contains(json.ToJsonString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains("seq_num", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/not_an_event_field", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_descriptor_with_an_unknown_dtype_fails_schema_validation()
    {
        var descriptor = new EventDescriptor
        {
            Uid = "d",
            Time = 1,
            RunStartUid = "s",
            Name = "primary",
            DataKeys = new(StringComparer.Ordinal) { ["det"] = new DataKey { Dtype = "float64", Shape = [], Source = "SIM:det" } },
        };

        var errors = EventModelSchemas.Validate(DocumentName.Descriptor, DocumentJson.ToElement(descriptor));

        Assert.Contains(errors, e => e.Contains("/data_keys/det/dtype", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_check_reports_gaps_mismatched_keys_repeated_stops_and_runs_without_a_stop()
    {
        var start = new RunStart { Uid = "s1", Time = 1 };
        var descriptor = new EventDescriptor
        {
            Uid = "d1",
            Time = 1,
            RunStartUid = "s1",
            Name = "primary",
            DataKeys = new(StringComparer.Ordinal) { ["det"] = DataKey.Number("SIM:det") },
        };
        var redescribed = new EventDescriptor
        {
            Uid = "d2",
            Time = 1,
            RunStartUid = "s1",
            Name = "primary",
            DataKeys = new(StringComparer.Ordinal) { ["motor"] = DataKey.Number("SIM:motor") },
        };
        Event Ev(string uid, int seq, string key) => new()
        {
            Uid = uid,
            Time = 1,
            Descriptor = "d1",
            SeqNum = seq,
            Data = new(StringComparer.Ordinal) { [key] = 1.0 },
            Timestamps = new(StringComparer.Ordinal) { [key] = 1.0 },
        };
        RunStop Stop(string uid, long events) => new()
        {
            Uid = uid,
            Time = 2,
            RunStartUid = "s1",
            ExitStatus = "success",
            NumEvents = new(StringComparer.Ordinal) { ["primary"] = events },
        };
        var docs = new List<(DocumentName, Document)>
        {
            (DocumentName.Start, start), (DocumentName.Descriptor, descriptor), (DocumentName.Descriptor, redescribed),
            (DocumentName.Event, Ev("e1", 1, "det")), (DocumentName.Event, Ev("e3", 3, "det")), (DocumentName.Event, Ev("e4", 4, "motor")),
            (DocumentName.Stop, Stop("stop1", 7)), (DocumentName.Stop, Stop("stop2", 4)),
            (DocumentName.Start, new RunStart { Uid = "s2", Time = 3 }),
        };

        var violations = EventModelRules.Check(docs);

        Assert.Contains(violations, v => v.Contains("described before with data_keys [det], now with [motor]", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("seq_num 3 in stream 'primary' should be 2", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("data keys [motor] differ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("num_events['primary'] is 7, but the stream holds 4 events", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("more than one stop", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("start 's2': the run has no stop", StringComparison.Ordinal));
    }

    private static async Task<List<Recorded>> EmitEveryKindOfDocumentAsync()
    {
        var uids = DocumentClock.Seeded(7);
        using var engine = NewEngine(uids);
        var docs = new List<Recorded>();
        var subscriptions = new[] { Record(docs) };

        var motor = new SynAxis("motor") { LowLimit = -5, HighLimit = 5 };
        var det = new SynGauss("det", motor, center: 0.5, sigma: 0.7, noiseLevel: 0.01, seed: 3);
        await engine.RunAsync(StepScan(det, motor), subscriptions);

        var camera = new SynAssetDetector("oav", uids: uids);
        await engine.RunAsync(ExternalAssetScan(camera, motor), subscriptions);

        var eiger = new SynStreamDetector("eiger", uids: uids);
        await engine.RunAsync(StreamAssetScan(eiger), subscriptions);

        var flyer = new SynFlyer("zebra", points: 4);
        var flyingEiger = new SynStreamDetector("eiger_fly", uids: uids) { FramesPerFly = 3 };
        await engine.RunAsync(FlyScan(flyer, flyingEiger), subscriptions);

        var ringCurrent = new SynSignal("ring_current", 300.0);
        await engine.RunAsync(MonitoredScan(ringCurrent, det), subscriptions);

        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(PausedScan(det), subscriptions));
        await engine.ResumeAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(FailingScan(det), subscriptions));
        Assert.Equal("the sample fell off the pin", error.Message);

        return docs;
    }

    private static RunEngine NewEngine(DocumentClock? uids = null) =>
        new(new RunEngineOptions { RecordInterruptions = true, UidSource = (uids ?? DocumentClock.Seeded(11)).NewUid });

    private static async Plan StepScan(SynGauss det, SynAxis motor)
    {
        await Stubs.OpenRun(new Dictionary<string, object?>
        {
            ["detectors"] = new[] { "det" },
            ["motors"] = new[] { "motor" },
            ["num_points"] = 3,
            ["hints"] = new Hints { Dimensions = [new HintDimension(["motor"], "primary")] },
            ["sample"] = new Dictionary<string, object?> { ["name"] = "lysozyme", ["space_group"] = "P43212" },
            ["plan_args"] = new Dictionary<string, object?> { ["start"] = -1.0, ["stop"] = 1.0, ["num"] = 3 },
        });
        await Stubs.TriggerAndRead([motor], "baseline");
        foreach (var position in new[] { -1.0, 0.0, 1.0 })
        {
            await Stubs.Mv(motor, position);
            await Stubs.TriggerAndRead([det, motor]);
        }

        await Stubs.TriggerAndRead([motor], "baseline");
        await Stubs.CloseRun();
    }

    private static async Plan ExternalAssetScan(SynAssetDetector camera, SynAxis motor)
    {
        await Stubs.OpenRun();
        for (var i = 0; i < 3; i++)
        {
            await Stubs.Mv(motor, i * 0.1);
            await Stubs.TriggerAndRead([camera, motor]);
        }

        await Stubs.CloseRun();
    }

    private static async Plan StreamAssetScan(SynStreamDetector eiger)
    {
        await Stubs.OpenRun();
        for (var i = 0; i < 3; i++)
        {
            await Stubs.TriggerAndRead([eiger]);
        }

        await Stubs.CloseRun();
    }

    private static async Plan FlyScan(SynFlyer flyer, SynStreamDetector eiger)
    {
        await Stubs.OpenRun();
        await new Msg(Commands.DeclareStream, null, [flyer], new Dictionary<string, object?> { ["name"] = "zebra_positions", ["collect"] = true });
        await new Msg(Commands.DeclareStream, null, [eiger], new Dictionary<string, object?> { ["name"] = "eiger_frames", ["collect"] = true });
        for (var sweep = 0; sweep < 2; sweep++)
        {
            await Stubs.Kickoff(flyer, wait: true);
            await Stubs.Kickoff(eiger, wait: true);
            await Stubs.Complete(flyer, wait: true);
            await Stubs.Complete(eiger, wait: true);
            await Stubs.Collect([flyer], "zebra_positions");
            await Stubs.Collect([eiger], "eiger_frames");
        }

        await Stubs.CloseRun();
    }

    private static async Plan MonitoredScan(SynSignal ringCurrent, SynGauss det)
    {
        await Stubs.OpenRun();
        await Stubs.Monitor(ringCurrent, "ring_current_monitor");
        await Stubs.TriggerAndRead([det]);
        await Stubs.Mv(ringCurrent, 299.5);
        await Stubs.TriggerAndRead([det]);
        await Stubs.Mv(ringCurrent, 0.0);
        await Stubs.Unmonitor(ringCurrent);
        await Stubs.CloseRun();
    }

    private static async Plan PausedScan(SynGauss det)
    {
        await Stubs.OpenRun();
        await Stubs.Checkpoint();
        await Stubs.TriggerAndRead([det]);
        await Stubs.Checkpoint();
        await Stubs.Pause();
        await Stubs.TriggerAndRead([det]);
        await Stubs.CloseRun();
    }

    private static async Plan FailingScan(SynGauss det)
    {
        await Stubs.OpenRun();
        await Stubs.TriggerAndRead([det]);
        throw new InvalidOperationException("the sample fell off the pin");
    }

    private static async Plan OneReading(IReadable device)
    {
        await Stubs.OpenRun();
        await Stubs.TriggerAndRead([device]);
        await Stubs.CloseRun();
    }

    private static async Task<Event> OneEventAsync()
    {
        using var engine = NewEngine();
        var docs = new List<Recorded>();
        await engine.RunAsync(OneReading(new SynGauss("det")), [Record(docs)]);
        return docs.Select(d => d.Document).OfType<Event>().Single();
    }

    /// <summary>
    /// event-model can emit datum_page documents (its compose_datum_page, and bluesky's RunEngine for devices
    /// that return pages), but our RunEngine emits one datum per frame and never a datum page. So the
    /// datum_page schema is checked on pages packed from the datums the RunEngine did emit, one per resource,
    /// as event-model's pack_datum_page does.
    /// </summary>
    private static List<Recorded> PackDatumPages(List<Recorded> docs)
    {
        var datums = docs.Select(d => d.Document).OfType<Datum>().ToList();
        Assert.NotEmpty(datums);
        var pages = datums.GroupBy(d => d.Resource).Select(PackDatumPage).ToList();
        Assert.Equal(datums.Count, pages.Sum(p => p.DatumId.Count));
        return pages.Select(p => Recorded.Of(DocumentName.DatumPage, p)).ToList();
    }

    private static DatumPage PackDatumPage(IGrouping<string, Datum> datums)
    {
        var keys = datums.SelectMany(d => d.DatumKwargs.Keys).Distinct(StringComparer.Ordinal).ToList();
        return new DatumPage
        {
            Resource = datums.Key,
            DatumId = datums.Select(d => d.DatumId).ToList(),
            DatumKwargs = keys.ToDictionary(k => k, k => datums.Select(d => d.DatumKwargs.GetValueOrDefault(k)).ToList(), StringComparer.Ordinal),
        };
    }

    private static void AssertEveryKindEmitted(List<Recorded> docs)
    {
        var emitted = docs.Select(d => d.Name).ToHashSet();
        var missing = DocumentNames.All.Where(n => n != DocumentName.DatumPage && !emitted.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"Not every kind of document was emitted; missing: {string.Join(", ", missing)}.");
    }

    private static void AssertVariantsCovered(List<Recorded> docs)
    {
        var descriptors = docs.Select(d => d.Document).OfType<EventDescriptor>().ToList();
        var streams = descriptors.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["primary", "baseline", "zebra_positions", "eiger_frames", "ring_current_monitor", "interruptions"]), streams);
        Assert.Contains(descriptors, d => d.Configuration.Values.Any(c => c.DataKeys.Count > 0));
        Assert.Contains(descriptors, d => d.Hints.Count > 0);
        Assert.Contains(descriptors, d => d.DataKeys.Values.Any(k => k.Limits is not null));
        var monitor = descriptors.First(d => d.Name == "ring_current_monitor").Uid;
        Assert.True(docs.Select(d => d.Document).OfType<Event>().Count(e => e.Descriptor == monitor) >= 3, "the monitor emitted fewer than 3 events");
        var interruptions = descriptors.Where(d => d.Name == "interruptions").Select(d => d.Uid).ToHashSet(StringComparer.Ordinal);
        var interruptionEvents = docs.Select(d => d.Document).OfType<Event>().Where(e => interruptions.Contains(e.Descriptor)).Select(e => e.Data["interruption"]);
        Assert.Equal(["pause", "resume"], interruptionEvents);
        Assert.Contains(docs.Select(d => d.Document).OfType<RunStart>(), s => s.Metadata.ContainsKey("hints"));
        Assert.Contains(docs.Select(d => d.Document).OfType<RunStop>(), s => s.ExitStatus == "fail" && s.Reason.Length > 0);
        Assert.Contains(docs.Select(d => d.Document).OfType<Event>(), e => e.Filled.Count > 0);
    }

    private static void AssertConforms(IReadOnlyList<Recorded> docs)
    {
        var report = new StringBuilder();
        var failures = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            var (name, _, json) = docs[i];
            var errors = EventModelSchemas.Validate(name, json);
            if (errors.Count == 0)
            {
                continue;
            }

            failures++;
            report.Append($"document #{i}, a '{name.ToWireName()}' (schema {EventModelSchemas.FileName(name)}):\n  {json.GetRawText()}\n");
            foreach (var error in errors)
            {
                report.Append("  - ").Append(error).Append('\n');
            }
        }

        Assert.True(failures == 0, $"{failures} of {docs.Count} documents do not conform to event-model's schemas:\n{report}");
    }

    private static JsonElement ToElement(JsonNode node)
    {
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return doc.RootElement.Clone();
    }

    // Serialized as emitted: a document is not to be read after the callback returns.
    private static Hyperion.Engine.Callbacks.DocumentCallback Record(List<Recorded> docs) => (name, doc) => docs.Add(Recorded.Of(name, doc));

    private sealed record Recorded(DocumentName Name, Document Document, JsonElement Json)
    {
        public static Recorded Of(DocumentName name, Document document) => new(name, document, DocumentJson.ToElement(document));
    }
}
