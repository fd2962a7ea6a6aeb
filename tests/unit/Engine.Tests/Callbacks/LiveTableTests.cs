using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Engine.Tests.Callbacks;

public class LiveTableTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    private static async Plan ThreePoints(SynGauss det, SynAxis motor, IReadOnlyDictionary<string, object?>? md = null)
    {
        await Stubs.OpenRun(md);
        for (var i = 0; i < 3; i++)
        {
            await Stubs.Mv(motor, (double)i);
            await Stubs.TriggerAndRead([det, motor]);
        }

        await Stubs.CloseRun();
    }

    private static (RunEngine Engine, SynAxis Motor, SynGauss Det) Setup()
    {
        var engine = new RunEngine(new RunEngineOptions { TimeProvider = new FakeTimeProvider(Noon) });
        var motor = new SynAxis("motor");
        return (engine, motor, new SynGauss("det", motor, center: 1, sigma: 1));
    }

    [Fact]
    public async Task Prints_header_one_row_per_event_and_footer_for_a_scan()
    {
        var (engine, motor, det) = Setup();
        using var _ = engine;
        var output = new StringWriter { NewLine = "\n" };
        var table = new LiveTable(["motor", "det"], output: output, timeZone: TimeZoneInfo.Utc);

        var result = await engine.RunAsync(ThreePoints(det, motor), [table.Invoke]);

        var uid = result.RunStartUids[0][..8];
        Assert.Equal(
            "\n" +
            "+-----------+------------+------------+------------+\n" +
            "|   seq_num |       time |      motor |        det |\n" +
            "+-----------+------------+------------+------------+\n" +
            "|         1 | 12:34:56.7 |      0.000 |     0.6065 |\n" +
            "|         2 | 12:34:56.7 |      1.000 |     1.0000 |\n" +
            "|         3 | 12:34:56.7 |      2.000 |     0.6065 |\n" +
            "+-----------+------------+------------+------------+\n" +
            $"generator ThreePoints ['{uid}'] (scan num: 1) (exit status: success)\n" +
            "\n",
            output.ToString());
    }

    [Fact]
    public async Task Without_fields_shows_the_hinted_fields_with_run_dimensions_first()
    {
        var (engine, motor, det) = Setup();
        using var _ = engine;
        var plain = new LiveTable(output: TextWriter.Null);
        await engine.RunAsync(ThreePoints(det, motor), [plain.Invoke]);
        Assert.Equal(["det", "motor"], plain.Columns);

        var dimensioned = new LiveTable(output: TextWriter.Null);
        var md = new Dictionary<string, object?> { ["hints"] = new Hints { Dimensions = [new HintDimension(["motor"], "primary")] } };
        await engine.RunAsync(ThreePoints(det, motor, md), [dimensioned.Invoke]);
        Assert.Equal(["motor", "det"], dimensioned.Columns);
    }

    [Fact]
    public async Task Reprints_the_header_every_interval_rows()
    {
        var (engine, motor, det) = Setup();
        using var _ = engine;
        var output = new StringWriter { NewLine = "\n" };
        var table = new LiveTable(["det"], printHeaderInterval: 2, separatorLines: false, output: output, timeZone: TimeZoneInfo.Utc);

        await engine.RunAsync(ThreePoints(det, motor), [table.Invoke]);

        var lines = output.ToString().Split('\n');
        Assert.Equal(2, lines.Count(l => l.Contains("seq_num", StringComparison.Ordinal)));
        var headerAgain = Array.FindLastIndex(lines, l => l.Contains("seq_num", StringComparison.Ordinal));
        Assert.StartsWith("|         1 |", lines[headerAgain - 2], StringComparison.Ordinal);
        Assert.StartsWith("|         2 |", lines[headerAgain + 2], StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_each_dtype_and_shows_event_pages_as_rows()
    {
        var output = new StringWriter { NewLine = "\n" };
        var table = new LiveTable(["count", "label", "open", "x", "image"], separatorLines: false, output: output, timeZone: TimeZoneInfo.Utc);
        var t = (Noon - DateTimeOffset.UnixEpoch).TotalSeconds;
        table.Invoke(DocumentName.Start, new RunStart { Uid = "run-0001-abcdef", Time = t });
        table.Invoke(DocumentName.Descriptor, new EventDescriptor
        {
            Uid = "d1",
            Time = t,
            RunStartUid = "run-0001-abcdef",
            Name = "primary",
            DataKeys = new(StringComparer.Ordinal)
            {
                ["count"] = DataKey.Integer("SIM:count"),
                ["label"] = DataKey.String("SIM:label"),
                ["open"] = new DataKey { Dtype = "boolean", Shape = [], Source = "SIM:open" },
                ["x"] = DataKey.Number("SIM:x", precision: 1),
                ["image"] = new DataKey { Dtype = "array", Shape = [2, 2], Source = "SIM:image" },
            },
        });
        table.Invoke(DocumentName.Descriptor, new EventDescriptor { Uid = "d2", Time = t, RunStartUid = "run-0001-abcdef", Name = "baseline" });
        table.Invoke(DocumentName.EventPage, new EventPage
        {
            Uid = ["e1", "e2"],
            Time = [t, t + 1.25],
            Descriptor = "d1",
            SeqNum = [1, 2],
            Data = new(StringComparer.Ordinal)
            {
                ["count"] = [7L, 8L],
                ["label"] = ["a very long sample name", "short"],
                ["open"] = [true, false],
                ["x"] = [double.NaN, -2.25],
            },
            Timestamps = new(StringComparer.Ordinal) { ["count"] = [t, t], ["label"] = [t, t], ["open"] = [t, t], ["x"] = [t, t] },
        });
        table.Invoke(DocumentName.Event, new Event
        {
            Uid = "e3",
            Time = t,
            Descriptor = "d1",
            SeqNum = 3,
            Data = new(StringComparer.Ordinal) { ["count"] = 1.5, ["x"] = 1.0 },
            Timestamps = new(StringComparer.Ordinal),
        });
        table.Invoke(DocumentName.Event, new Event
        {
            Uid = "e4",
            Time = t,
            Descriptor = "d1",
            SeqNum = 4,
            Data = new(StringComparer.Ordinal) { ["count"] = 9L, ["x"] = 3.0 },
            Timestamps = new(StringComparer.Ordinal),
            Filled = new(StringComparer.Ordinal) { ["x"] = false },
        });
        table.Invoke(DocumentName.Event, new Event { Uid = "e5", Time = t, Descriptor = "d2", SeqNum = 1, Data = [], Timestamps = [] });
        table.Invoke(DocumentName.Stop, new RunStop { Uid = "s0", Time = t, RunStartUid = "another-run", ExitStatus = "success" });
        table.Invoke(DocumentName.Stop, new RunStop { Uid = "s1", Time = t, RunStartUid = "run-0001-abcdef", ExitStatus = "abort" });

        Assert.Equal(
            [
                "+-----------+------------+------------+------------+------------+------------+",
                "|   seq_num |       time |      count |      label |       open |          x |",
                "+-----------+------------+------------+------------+------------+------------+",
                "|         1 | 12:34:56.7 |          7 |  a very lo |       True |        nan |",
                "|         2 | 12:34:58.0 |          8 |      short |      False |       -2.2 |",
                " failed to format row ",
                "|         4 | 12:34:56.7 |          9 |            |            |            |",
                "+-----------+------------+------------+------------+------------+------------+",
                "  ['run-0001'] (scan num: None) (exit status: abort)",
            ],
            output.ToString().TrimEnd('\n').Split('\n'));
    }
}
