using Hyperion.Engine.Callbacks;

namespace Hyperion.Engine.Tests.PlanLibrary;

/// <summary>Shared helpers: a document collector, a frozen clock, and message comparison without group names.</summary>
internal static class PlanTestKit
{
    /// <summary>The messages with their (generated) group names removed, as bluesky's tests strip them.</summary>
    public static List<Msg> WithoutGroups(this IEnumerable<Msg> messages) =>
        [.. messages.Select(m => m.WithoutKwarg("group"))];

    public static List<string> Commands(this IEnumerable<Msg> messages) => [.. messages.Select(m => m.Command)];

    /// <summary>Runs <paramref name="plan"/> on a fresh RunEngine, recording documents and messages.</summary>
    public static async Task<RunRecord> RunAsync(Plan plan, RunEngine? engine = null)
    {
        var record = new RunRecord();
        var owned = engine is null;
        engine ??= new RunEngine();
        try
        {
            engine.MsgHook = record.Messages.Add;
            try
            {
                record.Result = await engine.RunAsync(plan, [record.Collect]);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                record.Error = ex;
                record.Result = engine.LastResult;
            }
        }
        finally
        {
            if (owned)
            {
                engine.Dispose();
            }
        }

        return record;
    }

    public static Dictionary<string, object?> Md(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}

/// <summary>What a run produced.</summary>
internal sealed class RunRecord
{
    public List<(DocumentName Name, Document Doc)> Documents { get; } = [];

    public List<Msg> Messages { get; } = [];

    public RunEngineResult? Result { get; set; }

    public Exception? Error { get; set; }

    public RunStart Start => Documents.Select(d => d.Doc).OfType<RunStart>().Single();

    public RunStop Stop => Documents.Select(d => d.Doc).OfType<RunStop>().Single();

    public List<Event> Events(string stream = "primary")
    {
        var descriptors = Documents.Select(d => d.Doc).OfType<EventDescriptor>().Where(d => d.Name == stream).Select(d => d.Uid).ToHashSet();
        return [.. Documents.Select(d => d.Doc).OfType<Event>().Where(e => descriptors.Contains(e.Descriptor))];
    }

    public List<double> Column(string key, string stream = "primary") =>
        [.. Events(stream).Select(e => Convert.ToDouble(e.Data[key], System.Globalization.CultureInfo.InvariantCulture))];

    public void Collect(DocumentName name, Document doc) => Documents.Add((name, doc));

    public DocumentCallback Callback => Collect;
}

/// <summary>A clock that stands still unless advanced, so delays are exact.</summary>
internal sealed class FrozenClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
