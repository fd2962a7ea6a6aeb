using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hyperion.Cli.Application;
using Hyperion.Cli.Runner;
using Hyperion.Cli.Sim;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.SimBeamline;
using Hyperion.SimBeamline.Detector;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.Twin.Tests;

/// <summary>
/// Hyperion as a user runs it: the application on the twin (in-process or over Channel Access) behind its REST API on
/// a free loopback port, driven over HTTP; the frames the twin's Eiger writes are counted.
/// </summary>
public sealed class HyperionOnTwin : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);
    private readonly ConcurrentQueue<EigerFrame> _frames = new();
    private readonly StringWriter _console = new();

    private HyperionOnTwin(string directory, HyperionApplication application, RunnerHost host)
    {
        Directory = directory;
        Application = application;
        Host = host;
        Http = new HttpClient { BaseAddress = host.Address, Timeout = Timeout };
        Twin.Eiger.FrameWritten += _frames.Enqueue;
    }

    /// <summary>Where the test's data and logs go.</summary>
    public string Directory { get; }

    public HyperionApplication Application { get; }

    public RunnerHost Host { get; }

    public HttpClient Http { get; }

    public SimulatedBeamline Twin => Application.Environment.Twin!.Twin;

    public IReadOnlyList<EigerFrame> Frames => [.. _frames.OrderBy(f => f.ImageNumber)];

    /// <summary>Where the ISPyB file is when Hyperion runs with external callbacks (otherwise ISPyB is in memory).</summary>
    public string IspybPath => Path.Combine(Directory, "ispyb.sqlite");

    /// <summary>
    /// Starts Hyperion on the twin; with <paramref name="externalCallbacks"/> its ISPyB, NeXus and Zocalo callbacks do not
    /// run here: documents are published to that broker for a <c>hyperion callbacks</c> process.
    /// </summary>
    public static async Task<HyperionOnTwin> StartAsync(
        PvTransport transport, double speed = 10, Uri? zocaloBroker = null, SampleDefinition? sample = null, IReadOnlyList<long>? ispybSamples = null, Uri? externalCallbacks = null, TimeSpan? zocaloTimeout = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("hyperion-twin-").FullName;
        string? sampleFile = null;
        if (sample is not null)
        {
            sampleFile = Path.Combine(directory, "sample.json");
            await File.WriteAllTextAsync(sampleFile, sample.ToJson());
        }

        var console = new StringWriter();
        var application = await HyperionApplication.StartAsync(
            new EnvironmentOptions
            {
                PvTransport = transport,
                Speed = speed,
                LogDirectory = Path.Combine(directory, "logs"),
                ZocaloBroker = zocaloBroker,
                SampleFile = sampleFile,
                IspybSamples = ispybSamples ?? [],
                ZocaloTimeout = zocaloTimeout ?? ZocaloConstants.DefaultTimeout,
                IspybPath = externalCallbacks is null ? null : Path.Combine(directory, "ispyb.sqlite"),
                ExternalCallbacks = externalCallbacks is not null,
                CallbacksBroker = externalCallbacks,
            },
            TextWriter.Synchronized(console));
        var host = await RunnerHost.StartAsync(application.Runner, application.DeviceList, application.DebugLog, application.Loggers, port: 0);
        return new HyperionOnTwin(directory, application, host);
    }

    public async Task<JsonObject> PutAsync(string path, string body = "")
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PutAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<string> StatusAsync() => (string)(await Http.GetFromJsonAsync<JsonObject>("/status"))!["status"]!;

    /// <summary>Polls GET /status until it leaves Busy and Aborting, as a client of Hyperion does.</summary>
    public async Task<JsonObject> WaitUntilSettledAsync()
    {
        using var limit = new CancellationTokenSource(Timeout);
        while (true)
        {
            var status = (await Http.GetFromJsonAsync<JsonObject>("/status", limit.Token))!;
            if ((string?)status["status"] is not ("Busy" or "Aborting"))
            {
                return status;
            }

            await Task.Delay(100, limit.Token);
        }
    }

    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(20, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {Timeout} waiting for {what}.");
            }
        }
    }

    public static async Task WaitForAsync(Func<Task<bool>> condition, Func<string> what)
    {
        using var limit = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {Timeout} waiting for {what()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Application.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
