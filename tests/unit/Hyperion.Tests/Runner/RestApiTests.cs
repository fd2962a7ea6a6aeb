using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hyperion.Cli.Logging;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Runner;
using Hyperion.Engine.Running;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Cli.Tests.Runner;

public sealed class RestApiTests : IAsyncLifetime
{
    private readonly RunEngine _engine = new();
    private readonly FakeExperiments _experiments = new();
    private readonly string _debugDirectory = Directory.CreateTempSubdirectory("rest-debug-").FullName;
    private PlanRunner _runner = null!;
    private RunnerHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var context = new LogContext();
        _runner = new PlanRunner(_engine, _experiments.Factory);
        var debug = new DebugLogBuffer(_debugDirectory, context);
        _host = await RunnerHost.StartAsync(_runner, () => [new DeviceInfo("smargon", "Smargon", true)], debug, NullLoggerFactory.Instance, port: 0);
        _http = new HttpClient { BaseAddress = _host.Address, Timeout = FakeExperiments.Timeout };
    }

    public async Task DisposeAsync()
    {
        _experiments.Release();
        _http.Dispose();
        await _host.DisposeAsync();
        await _runner.DisposeAsync();
        _engine.Dispose();
        Directory.Delete(_debugDirectory, recursive: true);
    }

    [Fact]
    public async Task It_listens_on_loopback_and_reports_idle()
    {
        Assert.Equal("127.0.0.1", _host.Address.Host);
        Assert.NotEqual(RunnerHost.DefaultPort, _host.Address.Port);

        var status = await _http.GetFromJsonAsync<JsonObject>("/status");

        Assert.Equal("Idle", (string?)status!["status"]);
        Assert.Equal(string.Empty, (string?)status["message"]);
        Assert.Equal(string.Empty, (string?)status["exception_type"]);
    }

    [Fact]
    public async Task Put_start_runs_the_plan_and_a_second_start_fails_already_running()
    {
        var first = await PutAsync($"/{HyperionPlans.RotationScan}/start", FakeExperiments.RotationJson);
        await _experiments.Started.WaitAsync(FakeExperiments.Timeout);
        var second = await PutAsync($"/{HyperionPlans.RotationScan}/start", FakeExperiments.RotationJson);
        var busy = await _http.GetFromJsonAsync<JsonObject>("/status");

        Assert.Equal("Success", (string?)first["status"]);
        Assert.Equal("Failed", (string?)second["status"]);
        Assert.Contains("already running", (string?)second["message"], StringComparison.Ordinal);
        Assert.Equal("Busy", (string?)busy!["status"]);
    }

    [Fact]
    public async Task Put_start_with_bad_json_fails_naming_the_problem()
    {
        var answer = await PutAsync($"/{HyperionPlans.RotationScan}/start", "{\"visit\": ");

        Assert.Equal("Failed", (string?)answer["status"]);
        Assert.Equal(nameof(ParameterValidationException), (string?)answer["exception_type"]);
        Assert.Empty(_experiments.Made);
    }

    [Fact]
    public async Task Put_stop_aborts_the_running_plan()
    {
        await PutAsync($"/{HyperionPlans.RotationScan}/start", FakeExperiments.RotationJson);
        await _experiments.Started.WaitAsync(FakeExperiments.Timeout);

        var answer = await PutAsync("/stop", string.Empty);
        await _runner.Current.WaitAsync(FakeExperiments.Timeout);
        var after = await _http.GetFromJsonAsync<JsonObject>("/status");

        Assert.Equal("Aborting", (string?)answer["status"]);
        Assert.Equal("Idle", (string?)after!["status"]);
    }

    [Fact]
    public async Task Put_flush_debug_log_writes_the_buffer_to_a_file()
    {
        var answer = await PutAsync("/flush_debug_log", string.Empty);

        Assert.Equal("Success", (string?)answer["status"]);
        var file = Assert.Single(Directory.GetFiles(_debugDirectory));
        Assert.Equal(file, (string?)answer["message"]);
    }

    [Fact]
    public async Task Get_plans_lists_every_plan_with_its_parameter_schema()
    {
        var answer = await _http.GetFromJsonAsync<JsonObject>("/plans");

        var plans = answer!["plans"]!.AsArray();
        Assert.Equal(HyperionPlans.All.Select(p => p.PlanName), plans.Select(p => (string?)p!["name"]));
        var lcc = plans.Single(p => (string?)p!["name"] == HyperionPlans.LoadCentreCollectFull)!;
        Assert.NotNull(lcc["schema"]!["properties"]!["robot_load_then_centre"]);
    }

    [Fact]
    public async Task Get_devices_lists_the_devices()
    {
        var answer = await _http.GetFromJsonAsync<JsonObject>("/devices");

        var device = Assert.Single(answer!["devices"]!.AsArray())!;
        Assert.Equal("smargon", (string?)device["name"]);
        Assert.True((bool)device["connected"]!);
    }

    private async Task<JsonObject> PutAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
