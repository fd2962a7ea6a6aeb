using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;

namespace Hyperion.Engine.Tests;

/// <summary>The example plan of README.md, kept here so that the README cannot drift from code that works.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The README shows plans written against the protocols, not simulated types.")]
public class ReadmeExampleTests
{
    private static async Plan<string?> FindPeak(IReadable det, SynAxis motor)
    {
        var uid = await Stubs.OpenRun(new Dictionary<string, object?> { ["purpose"] = "alignment" });
        for (var x = -2.0; x <= 2.0; x += 0.5)
        {
            await Stubs.Mv(motor, x);
            var reading = await Stubs.TriggerAndRead([det, motor]);
            if (reading.TryGetValue(det.Name, out var r) && r.Value is > 0.9)
            {
                break;
            }
        }

        await Stubs.CloseRun();
        return uid;
    }

    [Fact]
    public async Task Readme_example_runs_and_stops_at_the_peak()
    {
        using var engine = new RunEngine();
        var motor = new SynAxis("motor");
        var det = new SynGauss("det", motor, center: 0.4, sigma: 0.5);
        var names = new List<DocumentName>();
        var result = await engine.RunAsync(FindPeak(det, motor), [(name, doc) => names.Add(name)]);
        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(0.5, motor.Position);
        Assert.Equal(6, names.Count(n => n == DocumentName.Event));
    }

    [Fact]
    public void Readme_simulator_example_finds_the_first_move_and_summarizes()
    {
        var motor = new SynAxis("motor");
        var det = new SynGauss("det", motor, center: 0.4, sigma: 0.5);
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(det, 0.95);
        var messages = sim.SimulatePlan(FindPeak(det, motor));
        messages = MessageAssertions.AssertMessageAndReturnRemaining(messages, m => m.Command == "set" && m.Args[0] is -2.0);
        Assert.Equal("set", messages[0].Command);
        Assert.Contains("motor -> -2.0", PlanSummary.Summarize(FindPeak(det, motor)), StringComparison.Ordinal);
    }
}
