using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Tests;

/// <summary>Runs the hyperion command line in-process; one class, so tests that redirect the console never overlap.</summary>
[Collection(ConsoleCollection.Name)]
public class CommandLineTests
{
    [Fact]
    public async Task Demo_runs_a_grid_scan_and_reports_the_brightest_point_against_the_true_peak()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("demo", "--points", "7");
        Assert.Equal(0, code);
        Assert.Contains("exit status: success", output, StringComparison.Ordinal);
        Assert.Contains("grid_scan", output, StringComparison.Ordinal);
        Assert.Contains("|        49 |", output, StringComparison.Ordinal);
        Assert.Matches(@"brightest point: x = -?\d+\.\d{3}, y = -?\d+\.\d{3} \(det = \d\.\d{4}\); true peak: x = -0\.830, y = 0\.790", output);
    }

    [Fact]
    public async Task Demo_writes_every_document_as_json_lines_when_asked()
    {
        var directory = Directory.CreateTempSubdirectory("hyperion-demo-");
        try
        {
            var (code, _, _) = await ConsoleCapture.RunHyperionAsync("demo", "--points", "3", "--jsonl", directory.FullName);
            Assert.Equal(0, code);
            var file = Assert.Single(directory.GetFiles("*.jsonl"));
            var names = JsonLinesDocumentReader.ReadFile(file.FullName).Select(d => d.Name).ToList();
            Assert.Equal(DocumentName.Start, names[0]);
            Assert.Equal(9, names.Count(n => n == DocumentName.Event));
            Assert.Equal(DocumentName.Stop, names[^1]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Demo_summary_prints_the_plan_without_running_it()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("demo", "--points", "2", "--summary");
        Assert.Equal(0, code);
        Assert.Contains("Open Run", output, StringComparison.Ordinal);
        Assert.Contains("x -> 3.0", output, StringComparison.Ordinal);
        Assert.Equal(4, output.Split('\n').Count(l => l.Contains("Read ['det', 'y', 'x']", StringComparison.Ordinal)));
        Assert.DoesNotContain("exit status", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_refuses_too_few_points_naming_the_option()
    {
        var (code, _, error) = await ConsoleCapture.RunHyperionAsync("demo", "--points", "1");
        Assert.Equal(2, code);
        Assert.Contains("--points must be at least 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_lists_the_plan_library()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("plans");
        Assert.Equal(0, code);
        Assert.Contains("Count(IReadOnlyList<IReadable> detectors", output, StringComparison.Ordinal);
        Assert.Contains("GridScan(", output, StringComparison.Ordinal);
        Assert.Contains("AdaptiveScan(", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_prints_the_command_registry()
    {
        var (code, output, _) = await ConsoleCapture.RunHyperionAsync("commands");
        Assert.Equal(0, code);
        Assert.StartsWith("List of available commands", output, StringComparison.Ordinal);
        Assert.Contains("open_run : ", output, StringComparison.Ordinal);
        Assert.Contains("wait_for : ", output, StringComparison.Ordinal);
    }
}
