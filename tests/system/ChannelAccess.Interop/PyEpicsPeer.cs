using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>
/// EPICS base's libca, through pyepics, as a long-lived peer process: JSON requests in, JSON answers out.
/// It is pointed at one server port on loopback only, so tests never see another host's IOCs.
/// </summary>
public sealed class PyEpicsPeer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _stderr = [];

    private PyEpicsPeer(Process process) => _process = process;

    /// <summary>Starts the peer for a server listening on <paramref name="serverPort"/>.</summary>
    public static async Task<PyEpicsPeer> StartAsync(int serverPort, int maxArrayBytes = 16 * 1024 * 1024)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: run scripts/setup.sh to install python3-pyepics (EPICS base's libca).");
        }

        var info = new ProcessStartInfo(Python, Path.Combine(AppContext.BaseDirectory, "pyca_peer.py"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["EPICS_CA_ADDR_LIST"] = "127.0.0.1";
        info.Environment["EPICS_CA_AUTO_ADDR_LIST"] = "NO";
        info.Environment["EPICS_CA_SERVER_PORT"] = serverPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["EPICS_CA_MAX_ARRAY_BYTES"] = maxArrayBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PYEPICS_LIBCA"] = string.Empty;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the pyepics peer.");
        var peer = new PyEpicsPeer(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (peer._stderr)
                {
                    peer._stderr.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var ready = await peer.ReadLineAsync(TimeSpan.FromSeconds(30));
        if (ready?["ready"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"The pyepics peer did not start: {ready} {peer.Errors}");
        }

        return peer;
    }

    /// <summary>What the peer wrote to stderr (libca's warnings), for failure messages.</summary>
    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return string.Join("\n", _stderr);
            }
        }
    }

    /// <summary>Sends one request and returns its answer; throws when the peer reports an error.</summary>
    public async Task<JsonObject> RequestAsync(object request, TimeSpan? timeout = null)
    {
        var answer = await RequestRawAsync(request, timeout);
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"pyepics: {answer["error"]} (stderr: {Errors})");
        }

        return answer;
    }

    /// <summary>Sends one request and returns its answer as is (ok or not).</summary>
    public async Task<JsonObject> RequestRawAsync(object request, TimeSpan? timeout = null)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request));
            await _process.StandardInput.FlushAsync();
            JsonObject? answer;
            do
            {
                answer = await ReadLineAsync(timeout ?? TimeSpan.FromSeconds(60));
            }
            while (answer is not null && answer.ContainsKey("subscribed"));

            return answer ?? throw new InvalidOperationException($"The pyepics peer exited. {Errors}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts a monitor request and returns once pyepics has subscribed; await the task for the values.</summary>
    public async Task<Task<JsonObject>> StartMonitorAsync(object request, TimeSpan timeout)
    {
        await _gate.WaitAsync();
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request));
        await _process.StandardInput.FlushAsync();
        var subscribed = await ReadLineAsync(timeout);
        if (subscribed?["subscribed"] is null)
        {
            _gate.Release();
            throw new InvalidOperationException($"pyepics did not subscribe: {subscribed} {Errors}");
        }

        return FinishAsync();

        async Task<JsonObject> FinishAsync()
        {
            try
            {
                var answer = await ReadLineAsync(timeout) ?? throw new InvalidOperationException($"The pyepics peer exited. {Errors}");
                return answer["ok"]?.GetValue<bool>() == true ? answer : throw new InvalidOperationException($"pyepics: {answer["error"]}");
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        _gate.Dispose();
    }

    private async Task<JsonObject?> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The pyepics peer did not answer within {timeout.TotalSeconds} s. stderr: {Errors}");
        }

        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }
}
