using System.CommandLine;
using Hyperion.Cli.Terminal;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Running;
using Hyperion.Engine.Simulation;
using Spectre.Console;

namespace Hyperion.Cli;

/// <summary>
/// <c>hyperion demo</c>: a grid scan of two simulated motors over a simulated 2-D peak, on the real RunEngine,
/// with a live table, progress bars and Ctrl+C pause, then the peak it found against the true one.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var points = new Option<int>("--points") { Description = "Points along each axis.", DefaultValueFactory = _ => 11 };
        var snake = new Option<bool>("--snake") { Description = "Snake the inner axis instead of flying back." };
        var jsonl = new Option<DirectoryInfo?>("--jsonl") { Description = "Write every document as JSON lines into this directory." };
        var summary = new Option<bool>("--summary") { Description = "Print the plan's summary (bluesky's summarize_plan) instead of running it." };
        var moveTime = new Option<double>("--move-time") { Description = "Seconds each motor move takes (shows progress bars).", DefaultValueFactory = _ => 0.0 };
        var seed = new Option<int>("--seed") { Description = "Seed for the peak's true position.", DefaultValueFactory = _ => 3 };
        var command = new Command("demo", "Run a simulated grid scan that finds a 2-D peak.") { points, snake, jsonl, summary, moveTime, seed };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(points), parse.GetValue(snake), parse.GetValue(jsonl), parse.GetValue(summary), parse.GetValue(moveTime), parse.GetValue(seed), ct));
        return command;
    }

    private static async Task<int> RunAsync(int points, bool snake, DirectoryInfo? jsonl, bool summary, double moveTime, int seed, CancellationToken ct)
    {
        if (points < 2)
        {
            await Console.Error.WriteLineAsync($"--points must be at least 2, got {points}.").ConfigureAwait(false);
            return 2;
        }

        var random = new Random(seed);
        var x = new SynAxis("x") { MoveTime = TimeSpan.FromSeconds(moveTime), LowLimit = -5, HighLimit = 5 };
        var y = new SynAxis("y") { MoveTime = TimeSpan.FromSeconds(moveTime), LowLimit = -5, HighLimit = 5 };
        var peak = new Syn2DGauss("det", x, y, centerX: Math.Round((random.NextDouble() * 4) - 2, 2), centerY: Math.Round((random.NextDouble() * 4) - 2, 2), sigma: 0.8);
        Plan Plan() => Plans.GridScan([peak], [(y, -3.0, 3.0, points), (x, -3.0, 3.0, points)], snake, md: new Dictionary<string, object?> { ["purpose"] = "demo" });

        if (summary)
        {
            await Console.Out.WriteAsync(PlanSummary.Summarize(Plan())).ConfigureAwait(false);
            return 0;
        }

        using var engine = new RunEngine();
        using var interrupts = new ConsoleInterrupts(engine, Console.Out);
        await using var progress = new ProgressBarManager(AnsiConsole.Console);
        engine.WaitingHook = progress.Update;
        var table = new LiveTable(["y", "x", "det"]);
        var best = new BrightestPoint("det", "x", "y");
        var subscriptions = new List<DocumentCallback> { table.Invoke, best.Invoke };
        using var writer = jsonl is null ? null : new JsonLinesDocumentWriter(jsonl.FullName);
        if (writer is not null)
        {
            subscriptions.Add(writer.Write);
        }

        RunEngineResult result;
        try
        {
            result = await engine.RunAsync(Plan(), subscriptions, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RunEngineInterrupted interrupted)
        {
            result = await HandleInterruptionAsync(engine, interrupted.Result).ConfigureAwait(false);
        }

        Console.WriteLine();
        Console.WriteLine($"exit status: {result.ExitStatus}; run {string.Join(", ", result.RunStartUids)}");
        if (best.Position is { } found)
        {
            Console.WriteLine($"brightest point: x = {found.X:F3}, y = {found.Y:F3} (det = {found.Value:F4}); true peak: x = {peak.CenterX:F3}, y = {peak.CenterY:F3}");
        }

        if (writer is not null)
        {
            Console.WriteLine($"documents written to {string.Join(", ", writer.Files)}");
        }

        return result.ExitStatus == "success" ? 0 : 1;
    }

    // Paused by Ctrl+C: ask what to do, as bluesky's prompt offers RE.resume()/abort()/stop()/halt().
    private static async Task<RunEngineResult> HandleInterruptionAsync(RunEngine engine, RunEngineResult result)
    {
        while (engine.State == RunEngineState.Paused)
        {
            Console.Write("Paused. [r]esume, [s]top, [a]bort or [h]alt? ");
            var answer = (await Console.In.ReadLineAsync().ConfigureAwait(false))?.Trim().ToLowerInvariant();
            try
            {
                result = answer switch
                {
                    "r" or "resume" => await engine.ResumeAsync().ConfigureAwait(false),
                    "s" or "stop" => await engine.StopAsync().ConfigureAwait(false),
                    "h" or "halt" or null => await engine.HaltAsync().ConfigureAwait(false),
                    "a" or "abort" => await engine.AbortAsync("aborted at the prompt").ConfigureAwait(false),
                    _ => result,
                };
            }
            catch (RunEngineInterrupted again)
            {
                result = again.Result;
            }
        }

        return result;
    }
}
