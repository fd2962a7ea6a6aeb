using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hyperion.Cli.Application;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Sim;
using Hyperion.Engine.Callbacks;
using Hyperion.FakeZocalo.Transport;
using Hyperion.SimBeamline.Samples;
using Spectre.Console;

namespace Hyperion.Cli.Run;

/// <summary>
/// <c>hyperion run PLAN --params FILE</c>: one experiment to its end with live progress, then a summary (on the twin:
/// the centre found against the crystal's true position, frames written, time taken). Exit code 0 when it ends
/// idle, 1 when it fails or warns, 2 when it could not start.
/// </summary>
internal static class RunCommand
{
    public static Command Build(TextWriter? output = null)
    {
        var flags = new EnvironmentFlags();
        var plan = new Argument<string>("plan") { Description = $"The plan: {string.Join(", ", HyperionPlans.All.Select(p => p.PlanName))}." };
        var parameters = new Option<FileInfo>("--params", "-p") { Description = "The parameter file (JSON, Hyperion's model 6.x).", Required = true };
        var command = new Command("run", "Run one experiment to its end on the twin (default) or real PVs, with live progress and a summary.") { plan, parameters };
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(flags, parse, parse.GetValue(plan)!, parse.GetValue(parameters)!, output ?? Console.Out, ct));
        return command;
    }

    private static async Task<int> RunAsync(EnvironmentFlags flags, ParseResult parse, string planName, FileInfo parameterFile, TextWriter output, CancellationToken ct)
    {
        string json;
        ParameterModel model;
        try
        {
            json = await File.ReadAllTextAsync(parameterFile.FullName, ct).ConfigureAwait(false);
            model = HyperionParameters.LoadForPlan(planName, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParameterValidationException or PlanNotFoundException)
        {
            await Console.Error.WriteLineAsync($"hyperion run: {parameterFile.Name}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        HyperionApplication application;
        try
        {
            var options = flags.Read(parse);

            // On the twin the experiment's sample is registered first, as it would be in ISPyB before a visit.
            if (options.Sim && model is IWithSample withSample)
            {
                options = options with { IspybSamples = [.. options.IspybSamples, withSample.SampleId] };
            }

            application = await HyperionApplication.StartAsync(options, output, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or DeviceConnectionFailedException or SampleException or TransportException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"hyperion run: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (application.ConfigureAwait(false))
        {
            var frames = 0;
            var twin = application.Environment.Twin?.Twin;
            if (twin is not null)
            {
                twin.Eiger.FrameWritten += _ => Interlocked.Increment(ref frames);
            }

            await using var progress = new ProgressBarManager(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }));
            application.Engine.WaitingHook = progress.Update;
            var started = Stopwatch.GetTimestamp();
            var answer = application.Runner.Start(planName, json);
            if (!answer.Is(Runner.RunnerStatus.Success))
            {
                await output.WriteLineAsync($"{planName} did not start: {answer.Message}").ConfigureAwait(false);
                return 2;
            }

            using (ct.Register(() => application.Runner.Stop()))
            {
                await application.Runner.Current.ConfigureAwait(false);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            await progress.WhenIdleAsync().ConfigureAwait(false);
            var status = application.Runner.Status;
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"{planName}: {status.Status}{(status.Message.Length > 0 ? $" — {status.ExceptionType}: {status.Message}" : string.Empty)}").ConfigureAwait(false);
            await output.WriteLineAsync($"  wall time {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
            if (twin is not null)
            {
                var smargon = application.Environment.Devices.Smargon;
                var (x, y, z) = (await smargon.X.UserReadback.GetValueAsync(cancellationToken: ct).ConfigureAwait(false),
                    await smargon.Y.UserReadback.GetValueAsync(cancellationToken: ct).ConfigureAwait(false),
                    await smargon.Z.UserReadback.GetValueAsync(cancellationToken: ct).ConfigureAwait(false));
                var truth = twin.Sample.Crystal.PositionMm;
                var error = Math.Sqrt(Math.Pow(x - truth.X, 2) + Math.Pow(y - truth.Y, 2) + Math.Pow(z - truth.Z, 2)) * 1000;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  goniometer at ({x:0.0000}, {y:0.0000}, {z:0.0000}) mm; crystal truly at ({truth.X:0.0000}, {truth.Y:0.0000}, {truth.Z:0.0000}) mm: {error:0.0} µm off")).ConfigureAwait(false);
                await output.WriteLineAsync($"  {Volatile.Read(ref frames)} detector frames written").ConfigureAwait(false);
                foreach (var wait in application.Environment.Devices.Zocalo.ResultWaits)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  Zocalo's results came {wait.TotalSeconds:0.00} s after the grid scan asked for them")).ConfigureAwait(false);
                }
            }
        }

        return application.Runner.Status.Is(Runner.RunnerStatus.Idle) ? 0 : 1;
    }
}
