using System.Text;
using System.Text.Json;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Serialization;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Callbacks;

public sealed class JsonLinesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hyperion-jsonl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Plan Scan(SynGauss det, SynAxis motor, int points)
    {
        await Stubs.OpenRun(new Dictionary<string, object?> { ["sample"] = "thaumatin", ["nested"] = new Dictionary<string, object?> { ["a"] = 1L } });
        for (var i = 0; i < points; i++)
        {
            await Stubs.Mv(motor, (double)i);
            await Stubs.TriggerAndRead([det, motor]);
        }

        await Stubs.CloseRun();
    }

    [Fact]
    public async Task Documents_of_a_real_run_round_trip_through_a_json_lines_file()
    {
        using var engine = new RunEngine();
        var log = new DocumentLog();
        var motor = new SynAxis("motor");
        var det = new SynGauss("det", motor, center: 1, sigma: 1);
        string path;
        using (var writer = new JsonLinesDocumentWriter(_directory))
        {
            var result = await engine.RunAsync(Scan(det, motor, 3), [log.Add, writer.Write]);
            path = Assert.Single(writer.Files);
            Assert.Equal(Path.Combine(_directory, result.RunStartUids[0][..8] + ".jsonl"), path);
        }

        var written = log.All;
        var read = JsonLinesDocumentReader.ReadFile(path).ToList();

        Assert.Equal(written.Select(d => d.Name), read.Select(d => d.Name));
        Assert.Equal(written.Select(d => DocumentJson.Serialize(d.Doc)), read.Select(d => DocumentJson.Serialize(d.Document)));
        var start = Assert.IsType<RunStart>(read[0].Document);
        Assert.Equal("thaumatin", start.GetString("sample"));
        var ev = Assert.IsType<Event>(read[3].Document);
        Assert.Equal(2, ev.SeqNum);
        Assert.Equal(1.0, ((JsonElement)ev.Data["motor"]!).GetDouble());
        Assert.Equal(3, Assert.IsType<RunStop>(read[^1].Document).NumEvents["primary"]);
    }

    [Fact]
    public async Task Each_line_is_one_object_with_name_and_doc()
    {
        using var engine = new RunEngine();
        using var writer = new JsonLinesDocumentWriter(_directory, "all.jsonl");
        await engine.RunAsync(Scan(new SynGauss("det"), new SynAxis("motor"), 1), [writer.Write]);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory, "all.jsonl"));
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line =>
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(["name", "doc"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        });
        Assert.StartsWith("{\"name\":\"start\",\"doc\":{\"uid\":", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"seq_num\":1", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_file_is_appended_to_by_later_runs_and_each_run_otherwise_gets_its_own_file()
    {
        using var engine = new RunEngine();
        using (var shared = new JsonLinesDocumentWriter(_directory, "session.jsonl"))
        {
            await engine.RunAsync(Scan(new SynGauss("det"), new SynAxis("motor"), 1), [shared.Write]);
        }

        using (var shared = new JsonLinesDocumentWriter(_directory, "session.jsonl"))
        {
            await engine.RunAsync(Scan(new SynGauss("det"), new SynAxis("motor"), 2), [shared.Write]);
        }

        var names = JsonLinesDocumentReader.ReadFile(Path.Combine(_directory, "session.jsonl")).Select(d => d.Name).ToList();
        Assert.Equal(2, names.Count(n => n == DocumentName.Start));
        Assert.Equal(4 + 5, names.Count);

        using var perRun = new JsonLinesDocumentWriter(Path.Combine(_directory, "runs"));
        var first = await engine.RunAsync(Scan(new SynGauss("det"), new SynAxis("motor"), 1), [perRun.Write]);
        var second = await engine.RunAsync(Scan(new SynGauss("det"), new SynAxis("motor"), 1), [perRun.Write]);
        Assert.Equal(
            [first.RunStartUids[0][..8] + ".jsonl", second.RunStartUids[0][..8] + ".jsonl"],
            perRun.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void A_malformed_line_names_the_file_and_line_number()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "broken.jsonl");
        var stop = new RunStop { Uid = "s1", Time = 2, RunStartUid = "r1", ExitStatus = "success" };
        File.WriteAllText(path, string.Join('\n',
            "{\"name\": \"start\", \"doc\": {\"uid\": \"r1\", \"time\": 1.5, \"scan_id\": 7}}",
            string.Empty,
            "{\"name\": \"stop\", \"doc\": " + DocumentJson.Serialize(stop) + "}",
            "{\"name\": \"event\", \"doc\": {\"uid\": \"e1\", \"ti"));

        using var reader = JsonLinesDocumentReader.ReadFile(path).GetEnumerator();
        Assert.True(reader.MoveNext());
        Assert.Equal(7L, Assert.IsType<RunStart>(reader.Current.Document).ScanId);
        Assert.True(reader.MoveNext());
        Assert.Equal(DocumentName.Stop, reader.Current.Name);
        var error = Assert.Throws<JsonLinesFormatException>(() => reader.MoveNext());
        Assert.Equal(path, error.Source);
        Assert.Equal(4, error.LineNumber);
        Assert.Contains($"{path}, line 4: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"doc\": {}}", "no string \"name\"")]
    [InlineData("{\"name\": \"start\"}", "no \"doc\" object")]
    [InlineData("{\"name\": \"begin\", \"doc\": {}}", "'begin' is not an event-model document name")]
    [InlineData("{\"name\": \"stop\", \"doc\": {\"uid\": \"x\"}}", "not a valid 'stop' document")]
    public void Lines_that_are_json_but_not_documents_are_reported(string line, string problem)
    {
        var error = Assert.Throws<JsonLinesFormatException>(
            () => JsonLinesDocumentReader.Read(new StringReader("\n" + line + "\n"), "memory").ToList());
        Assert.Equal("memory", error.Source);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_reading_gives_the_same_documents()
    {
        var text = new StringBuilder()
            .AppendLine("{\"name\": \"start\", \"doc\": {\"uid\": \"r1\", \"time\": 1.5}}")
            .AppendLine("{\"name\": \"stop\", \"doc\": {\"uid\": \"s1\", \"time\": 2, \"run_start\": \"r1\", \"exit_status\": \"abort\", \"reason\": \"beam lost\"}}")
            .ToString();
        var read = new List<(DocumentName Name, Document Document)>();
        await foreach (var item in JsonLinesDocumentReader.ReadAsync(new StringReader(text)))
        {
            read.Add(item);
        }

        Assert.Equal([DocumentName.Start, DocumentName.Stop], read.Select(r => r.Name));
        Assert.Equal("beam lost", Assert.IsType<RunStop>(read[1].Document).Reason);
    }

    [Fact]
    public void A_document_that_cannot_be_serialized_writes_nothing()
    {
        using var writer = new JsonLinesDocumentWriter(_directory, "partial.jsonl");
        writer.Write(DocumentName.Start, new RunStart { Uid = "r1", Time = 1 });
        var bad = new RunStart { Uid = "r2", Time = 2 };
        bad.Metadata["handle"] = typeof(string);

        Assert.ThrowsAny<NotSupportedException>(() => writer.Write(DocumentName.Start, bad));
        writer.Write(DocumentName.Stop, new RunStop { Uid = "s1", Time = 3, RunStartUid = "r1", ExitStatus = "success" });

        var names = JsonLinesDocumentReader.ReadFile(Path.Combine(_directory, "partial.jsonl")).Select(d => d.Name);
        Assert.Equal([DocumentName.Start, DocumentName.Stop], names);
    }
}
