using System.CommandLine;
using System.Diagnostics;
using System.Text;

namespace Hyperion.FakeZocalo.RabbitMq.Tests;

/// <summary>
/// <c>fakezocalo serve</c> for a test: run in this process through the command line, or as separate OS processes of
/// the built <c>fakezocalo</c> executable sharing the broker, as a deployment would scale it out.
/// </summary>
public sealed class FakeZocaloServers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Process> _processes = [];
    private readonly StringBuilder _output = new();
    private Task<int>? _inProcess;

    private FakeZocaloServers()
    {
    }

    /// <summary>Everything the servers have printed so far.</summary>
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

    /// <summary>Whether any server has stopped (they should run until disposed).</summary>
    public bool AnyStopped => _inProcess?.IsCompleted == true || _processes.Any(p => p.HasExited);

    /// <summary>Starts one server in this process (<paramref name="processes"/> 0) or that many OS processes.</summary>
    public static FakeZocaloServers Start(int processes, params string[] arguments)
    {
        var servers = new FakeZocaloServers();
        if (processes == 0)
        {
            var writer = new LockedWriter(servers._output);
            servers._inProcess = Program.Build()
                .Parse(["serve", .. arguments])
                .InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, servers._stop.Token);
            return servers;
        }

        for (var i = 0; i < processes; i++)
        {
            var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "fakezocalo"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["serve", .. arguments])
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start fakezocalo.");
            var name = $"[{i + 1}] ";
            process.OutputDataReceived += (_, line) => servers.Append(name, line.Data);
            process.ErrorDataReceived += (_, line) => servers.Append(name, line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            servers._processes.Add(process);
        }

        return servers;
    }

    /// <summary>Stops the servers (OS processes are killed: the broker requeues what they held).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_inProcess is not null)
        {
            await _inProcess;
        }

        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        _stop.Dispose();
    }

    private void Append(string name, string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Append(name).AppendLine(line);
            }
        }
    }

    private sealed class LockedWriter(StringBuilder output) : StringWriter
    {
        public override void Write(char value)
        {
            lock (output)
            {
                output.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (output)
            {
                output.Append(value);
            }
        }
    }
}
