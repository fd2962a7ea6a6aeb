using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>
/// Runs Debian's DIALS commands and its Python (with dxtbx, h5py and the bitshuffle plugin) as subprocesses with a
/// time limit, collecting their output for assertions and failure messages.
/// </summary>
public static class ExternalTool
{
    /// <summary>Debian's Python: the one with dxtbx and h5py (a pyenv python3 on PATH has neither).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="command"/> in <paramref name="directory"/>; throws unless it exits 0 in time.</summary>
    public static async Task<string> RunAsync(string command, string directory, TimeSpan timeout, params string[] arguments)
    {
        var (exit, output) = await RunRawAsync(command, directory, timeout, arguments);
        return exit == 0 ? output : throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited {exit}:\n{output}");
    }

    /// <summary>Runs <paramref name="command"/>, returning its exit code and its stdout and stderr together.</summary>
    public static async Task<(int Exit, string Output)> RunRawAsync(string command, string directory, TimeSpan timeout, params string[] arguments)
    {
        var executable = command.Contains('/', StringComparison.Ordinal) ? command : Path.Combine("/usr/bin", command);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run scripts/setup.sh to install DIALS, python3-h5py and the bitshuffle plugin.");
        }

        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // DIALS's multiprocessing and BLAS would each take every core; the tests share the machine.
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["OPENBLAS_NUM_THREADS"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} ran past {timeout.TotalSeconds} s:\n{output}");
        }

        await Task.WhenAll(stdout, stderr);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs one of this project's probe scripts and parses the JSON object it prints last.</summary>
    public static async Task<JsonObject> ProbeAsync(string script, string directory, params string[] arguments)
    {
        var output = await RunAsync(Python, directory, TimeSpan.FromMinutes(3), [Path.Combine(AppContext.BaseDirectory, script), .. arguments]);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        return JsonNode.Parse(last)!.AsObject();
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
