using System.Globalization;
using System.Text.RegularExpressions;
using Hyperion.Nexus.Dials.Tests;

namespace Hyperion.Twin.Tests;

/// <summary>
/// README's main command, as a new user runs it: <c>hyperion run load_centre_collect_full --params
/// examples/twin/load_centre_collect_full.json --speed 10</c>, a separate process of the built hyperion.dll.
/// </summary>
[Collection("hyperion-twin")]
public sealed partial class RunCommandTests
{
    [Fact]
    public async Task Hyperion_run_of_the_readme_example_exits_zero_and_reports_a_centre_within_half_a_box_of_the_crystal()
    {
        var directory = Directory.CreateTempSubdirectory("hyperion-run-").FullName;
        try
        {
            var parameters = Path.Combine(directory, "load_centre_collect_full.json");
            await File.WriteAllTextAsync(parameters, LoadCentreCollectParameters.Json(Path.Combine(directory, "data")));
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";

            var (exit, output) = await ExternalTool.RunRawAsync(
                dotnet, directory, HyperionOnTwin.Timeout,
                "exec", Path.Combine(AppContext.BaseDirectory, "hyperion.dll"), "run", "load_centre_collect_full", "--params", parameters, "--speed", "10", "--log-dir", Path.Combine(directory, "logs"));

            Assert.True(exit == 0, $"exited {exit}:\n{output}");
            Assert.Contains("load_centre_collect_full: Idle", output, StringComparison.Ordinal);
            var off = MicronsOff().Match(output);
            Assert.True(off.Success, output);
            Assert.True(double.Parse(off.Groups["microns"].Value, CultureInfo.InvariantCulture) < 10, off.Value);
            // Two grids (480 and 120 boxes) and the 180-frame sweep.
            Assert.Contains("780 detector frames written", output, StringComparison.Ordinal);
            Assert.Single(ZocaloAnswered().Matches(output));
            Assert.True(File.Exists(Path.Combine(directory, "data", "thaumatin_1.nxs")), "the sweep's master was written");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"crystal truly at \([^)]*\) mm: (?<microns>\d+(\.\d+)?) µm off")]
    private static partial Regex MicronsOff();

    [GeneratedRegex(@"Zocalo's results came \d+\.\d\d s after the grid scan asked for them")]
    private static partial Regex ZocaloAnswered();
}
