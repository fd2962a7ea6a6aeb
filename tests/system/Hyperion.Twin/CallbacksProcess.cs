using System.Diagnostics;
using System.Text;

namespace Hyperion.Twin.Tests;

/// <summary>
/// <c>hyperion callbacks</c> as a deployment runs it: a separate OS process of the built hyperion.dll (from this
/// test's output, where the project reference puts it), consuming Hyperion's documents from the broker. Stopped with
/// SIGTERM, as systemd or Kubernetes would stop it.
/// </summary>
public sealed class CallbacksProcess : IAsyncDisposable
{
    public const string ReadyLine = "Hyperion callbacks ready, consuming hyperion.documents on";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CallbacksProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything it has printed so far, stdout and stderr together.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>hyperion callbacks</c> with <paramref name="arguments"/> and waits for its ready line.</summary>
    public static async Task<CallbacksProcess> StartAsync(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "hyperion.dll"), "callbacks", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dotnet} hyperion.dll callbacks.");
        var callbacks = new CallbacksProcess(process);
        process.OutputDataReceived += (_, line) => callbacks.Append(line.Data);
        process.ErrorDataReceived += (_, line) => callbacks.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await HyperionOnTwin.WaitForAsync(
                () => process.HasExited || callbacks.Output.Contains(ReadyLine, StringComparison.Ordinal), "hyperion callbacks to say it is ready");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"hyperion callbacks exited {process.ExitCode} before it was ready:\n{callbacks.Output}");
            }
        }
        catch
        {
            await callbacks.DisposeAsync();
            throw;
        }

        return callbacks;
    }

    /// <summary>Sends SIGTERM and returns its exit code once it has drained and exited.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
