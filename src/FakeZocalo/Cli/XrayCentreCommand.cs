using System.CommandLine;
using System.Text;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Recipes;

namespace Hyperion.FakeZocalo.Cli;

/// <summary>
/// <c>fakezocalo xray-centre INPUT.json</c>: X-ray centring offline, from per-image spot counts and grid shapes
/// (see <see cref="CentringRequest"/> for the input). Prints the results list exactly as the service sends it in
/// its payload; on bad input prints the offending JSON path to stderr and exits 1.
/// </summary>
public static class XrayCentreCommand
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for unreadable or invalid input.</summary>
    public const int BadInput = 1;

    /// <summary>Builds the <c>xray-centre</c> command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("INPUT") { Description = "JSON file: {\"grids\": [{\"dcid\", \"steps_x\", \"steps_y\", \"orientation\", \"snaked\", \"spot_counts\"}], \"threshold\", \"threshold_absolute\", \"sample_id\"}." };
        var command = new Command("xray-centre", "Compute DLS X-ray centring offline from per-image spot counts; print the results list as sent on xrc.i03.") { input };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(input)!,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(input.FullName, Encoding.UTF8, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"xray-centre: cannot read {input.FullName}: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }

        try
        {
            var outcome = CentringRequest.Parse(text).Run();
            await output.WriteLineAsync(XrcResultsEnvelope.ResultsToJson(outcome.Results)).ConfigureAwait(false);
            return Ok;
        }
        catch (CentringInputException ex)
        {
            await error.WriteLineAsync($"xray-centre: {input.Name}: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }
    }
}
