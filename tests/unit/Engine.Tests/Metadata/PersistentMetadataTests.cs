using System.Text.Json;
using Hyperion.Engine.Metadata;

namespace Hyperion.Engine.Tests.Metadata;

public sealed class PersistentMetadataTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hyperion-md-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Plan OneRun() => Plan.From(new Msg("open_run"), new Msg("close_run"));

    [Fact]
    public async Task Scan_id_increments_persistently_across_engine_instances()
    {
        var starts = new List<RunStart>();
        void Collect(DocumentName name, Document doc)
        {
            if (doc is RunStart start)
            {
                starts.Add(start);
            }
        }

        using (var engine = new RunEngine(new RunEngineOptions { Metadata = new PersistentMetadata(_directory) }))
        {
            await engine.RunAsync(OneRun(), [Collect]);
            await engine.RunAsync(OneRun(), [Collect]);
        }

        using (var engine = new RunEngine(new RunEngineOptions { Metadata = new PersistentMetadata(_directory) }))
        {
            await engine.RunAsync(OneRun(), [Collect]);
        }

        Assert.Equal([1L, 2L, 3L], starts.Select(s => s.ScanId));
        Assert.Equal(3L, new PersistentMetadata(_directory)["scan_id"]);
        Assert.IsType<Dictionary<string, object?>>(new PersistentMetadata(_directory)["versions"]);
    }

    [Fact]
    public void Values_reload_as_plain_clr_values()
    {
        var store = new PersistentMetadata(_directory);
        store["beamline"] = "i03";
        store["scan_id"] = 41;
        store["energy_kev"] = 12.7;
        store["whole_double"] = 2.0;
        store["enabled"] = true;
        store["nothing"] = null;
        store["sample"] = new Dictionary<string, object?> { ["name"] = "thaumatin", ["pins"] = new[] { 1, 2 } };
        store["list"] = new List<object?> { "a", 1.5, false };

        var reloaded = new PersistentMetadata(_directory);
        Assert.Equal("i03", reloaded["beamline"]);
        Assert.Equal(typeof(long), reloaded["scan_id"]!.GetType());
        Assert.Equal(41L, reloaded["scan_id"]);
        Assert.Equal(12.7, reloaded["energy_kev"]);
        Assert.Equal(2.0, Assert.IsType<double>(reloaded["whole_double"]));
        Assert.Equal(true, reloaded["enabled"]);
        Assert.True(reloaded.ContainsKey("nothing"));
        Assert.Null(reloaded["nothing"]);
        var sample = Assert.IsType<Dictionary<string, object?>>(reloaded["sample"]);
        Assert.Equal("thaumatin", sample["name"]);
        Assert.Equal(new List<object?> { 1L, 2L }, sample["pins"]);
        Assert.Equal(new List<object?> { "a", 1.5, false }, reloaded["list"]);

        // What is in memory is what a later session will load.
        Assert.Equal(41L, store["scan_id"]);
        Assert.Equal(new List<object?> { 1L, 2L }, ((Dictionary<string, object?>)store["sample"]!)["pins"]);
    }

    [Fact]
    public void Every_mutation_is_persisted_without_leaving_temporary_files()
    {
        var store = new PersistentMetadata(_directory) { ["a"] = 1, ["b"] = 2 };
        store.Add("c", 3);
        Assert.True(store.Remove("a"));
        Assert.False(store.Remove("missing"));
        Assert.Equal(["b", "c"], new PersistentMetadata(_directory).Keys.Order());

        store.Clear();
        Assert.Empty(new PersistentMetadata(_directory));
        Assert.Equal([store.FilePath], Directory.GetFiles(_directory));
        using var file = JsonDocument.Parse(File.ReadAllText(store.FilePath));
        Assert.Equal(JsonValueKind.Object, file.RootElement.ValueKind);
    }

    [Fact]
    public void Nested_changes_are_persisted_by_flush()
    {
        var store = new PersistentMetadata(_directory) { ["sample"] = new Dictionary<string, object?> { ["name"] = "lysozyme" } };
        ((Dictionary<string, object?>)store["sample"]!)["shape"] = "rod";
        Assert.False(((Dictionary<string, object?>)new PersistentMetadata(_directory)["sample"]!).ContainsKey("shape"));

        store.Flush();
        Assert.Equal("rod", ((Dictionary<string, object?>)new PersistentMetadata(_directory)["sample"]!)["shape"]);
    }

    [Fact]
    public void A_corrupt_file_gives_an_error_naming_the_file_and_is_left_untouched()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "metadata.json");
        File.WriteAllText(path, "{\"scan_id\": 4,");

        var error = Assert.Throws<PersistentMetadataException>(() => new PersistentMetadata(_directory));
        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"scan_id\": 4,", File.ReadAllText(path));

        File.WriteAllText(path, "[1, 2]");
        Assert.Contains("must hold a JSON object", Assert.Throws<PersistentMetadataException>(() => new PersistentMetadata(_directory)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_json_cannot_hold_are_refused_and_change_nothing()
    {
        var store = new PersistentMetadata(_directory) { ["scan_id"] = 1 };

        Assert.Throws<ArgumentException>(() => store["bad"] = double.NaN);
        Assert.Throws<ArgumentException>(() => store["bad"] = typeof(string));
        Assert.Throws<ArgumentException>(() => store["bad"] = new Dictionary<int, string> { [1] = "x" });

        Assert.False(store.ContainsKey("bad"));
        Assert.Equal(["scan_id"], new PersistentMetadata(_directory).Keys);
    }

    [Fact]
    public void Objects_are_stored_as_their_json_shape()
    {
        var store = new PersistentMetadata(_directory) { ["hints"] = new Hints { Fields = ["det"] } };
        var hints = Assert.IsType<Dictionary<string, object?>>(store["hints"]);
        Assert.Equal(new List<object?> { "det" }, hints["fields"]);
    }
}
