using System.Text.RegularExpressions;

namespace Hyperion.Cli.Tests;

/// <summary>
/// <c>hyperion ca serve --db</c> started in-process on a free port, then driven by the get/put/monitor/info tools
/// over real loopback sockets, with EPICS_CA_ADDR_LIST pointing at it as a user would set it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class CaToolsTests : IAsyncLifetime
{
    private const string Database = """
        # A small beamline: macros name the prefix.
        record(ao, "$(P)DCM:ENERGY") {
            field(DESC, "Energy")
            field(VAL, "12.7")
            field(EGU, "keV")
            field(PREC, "3")
            field(DRVH, "25") field(DRVL, "5")
            field(HOPR, "25") field(LOPR, "5")
        }
        record(mbbo, "$(P)SHUTTER") {
            field(ZRST, "Closed") field(ONST, "Open") field(VAL, "1")
        }
        record(stringin, "$(P)NAME") { field(VAL, "I03") }
        record(waveform, "$(P)SPECTRUM") { field(FTVL, "DOUBLE") field(NELM, "4") }
        record(motor, "$(P)SAMPLE:X") {
            field(EGU, "mm") field(PREC, "3") field(MRES, "0.001")
            field(VELO, "20") field(VBAS, "0") field(ACCL, "0.05")
            field(DHLM, "100") field(DLLM, "-100")
        }
        """;

    private readonly ConsoleCapture _console = new();
    private readonly CancellationTokenSource _stopServer = new();
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"hyperion-ca-tools-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _savedEnvironment = [];
    private Task<int>? _server;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_dbFile, Database);
        _server = HyperionCommand.Build().Parse(["ca", "serve", "--db", _dbFile, "-m", "P=BL03S-", "--port", "0"]).InvokeAsync(cancellationToken: _stopServer.Token);
        var serving = await _console.WaitForOutputAsync(ServingLine(), TimeSpan.FromSeconds(20));
        SetEnvironment("EPICS_CA_ADDR_LIST", $"127.0.0.1:{serving.Groups["udp"].Value}");
        SetEnvironment("EPICS_CA_AUTO_ADDR_LIST", "NO");
    }

    public async Task DisposeAsync()
    {
        await _stopServer.CancelAsync();
        if (_server is not null)
        {
            Assert.Equal(0, await _server.WaitAsync(TimeSpan.FromSeconds(20)));
        }

        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _console.Dispose();
        _stopServer.Dispose();
        File.Delete(_dbFile);
    }

    [Fact]
    public void Serve_reports_how_many_records_it_loaded_after_macro_substitution()
    {
        Assert.Matches(@"Serving 5 records on 127\.0\.0\.1:\d+", _console.Output);
    }

    [Fact]
    public async Task Get_prints_name_and_value_as_caget_does()
    {
        var (code, output, _) = await RunAsync("ca", "get", "BL03S-DCM:ENERGY", "BL03S-NAME");
        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^BL03S-DCM:ENERGY\s+12\.7$", output);
        Assert.Matches(@"(?m)^BL03S-NAME\s+I03$", output);
    }

    [Fact]
    public async Task Get_terse_prints_the_enum_label_alone()
    {
        var (code, output, _) = await RunAsync("ca", "get", "-t", "BL03S-SHUTTER");
        Assert.Equal(0, code);
        Assert.Equal("Open", output.Trim());
    }

    [Fact]
    public async Task Get_with_a_dbr_type_prints_every_control_field()
    {
        var (code, output, _) = await RunAsync("ca", "get", "-d", "DBR_CTRL_DOUBLE", "BL03S-DCM:ENERGY");
        Assert.Equal(0, code);
        Assert.Matches(@"Value:\s+12\.7", output);
        Assert.Matches(@"Units:\s+keV", output);
        Assert.Matches(@"Precision:\s+3", output);
    }

    [Fact]
    public async Task Get_of_an_unknown_pv_reports_it_not_connected_and_fails()
    {
        var (code, output, error) = await RunAsync("ca", "get", "-w", "1.5", "BL03S-NO:SUCH:PV", "BL03S-NAME");
        Assert.True(code == 1, $"exit {code}; output: {output}; error: {error}");
        Assert.Contains("BL03S-NO:SUCH:PV", error, StringComparison.Ordinal);
        Assert.Contains("not connected", error, StringComparison.OrdinalIgnoreCase);
        Assert.True(Regex.IsMatch(output, @"(?m)^BL03S-NAME\s+I03$"), $"output: {output}; error: {error}");
    }

    [Fact]
    public async Task Get_with_an_unknown_dbr_type_names_it()
    {
        var (code, _, error) = await RunAsync("ca", "get", "-d", "DBR_NONSENSE", "BL03S-NAME");
        Assert.Equal(2, code);
        Assert.Contains("DBR_NONSENSE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_prints_old_and_new_values_clamped_to_the_drive_limits()
    {
        var (code, output, _) = await RunAsync("ca", "put", "BL03S-DCM:ENERGY", "30");
        Assert.Equal(0, code);
        Assert.Matches(@"Old : BL03S-DCM:ENERGY\s+12\.7\n", output);
        Assert.Matches(@"New : BL03S-DCM:ENERGY\s+25\n", output);
    }

    [Fact]
    public async Task Put_of_an_enum_label_selects_that_state()
    {
        var (code, output, _) = await RunAsync("ca", "put", "-t", "BL03S-SHUTTER", "Closed");
        Assert.Equal(0, code);
        Assert.Equal("Closed", output.Trim());
    }

    [Fact]
    public async Task Put_with_callback_of_an_unparsable_number_fails_naming_the_pv_and_leaves_the_value()
    {
        var (code, _, error) = await RunAsync("ca", "put", "-c", "BL03S-DCM:ENERGY", "twelve");
        Assert.Equal(1, code);
        Assert.Contains("BL03S-DCM:ENERGY", error, StringComparison.Ordinal);
        var (_, after, _) = await RunAsync("ca", "get", "-t", "BL03S-DCM:ENERGY");
        Assert.Equal("12.7", after.Trim());
    }

    [Fact]
    public async Task Put_without_callback_of_an_unparsable_number_reports_the_servers_refusal_and_fails()
    {
        // caput would print libca's exception and still exit 0; the refusal arrives before the read-back, so we fail.
        var (code, output, error) = await RunAsync("ca", "put", "BL03S-DCM:ENERGY", "twelve");
        Assert.Equal(1, code);
        Assert.Matches(@"New : BL03S-DCM:ENERGY\s+12\.7\n", output);
        Assert.Matches("BL03S-DCM:ENERGY.*ECA_", error);
    }

    [Fact]
    public async Task Put_with_callback_returns_once_the_motor_has_stopped_at_its_target()
    {
        var (code, output, _) = await RunAsync("ca", "put", "-c", "-w", "10", "BL03S-SAMPLE:X", "2.5");
        Assert.Equal(0, code);
        Assert.Matches(@"Old : BL03S-SAMPLE:X\s+0\n", output);
        Assert.Matches(@"New : BL03S-SAMPLE:X\s+2\.5\n", output);
        var (_, readback, _) = await RunAsync("ca", "get", "-t", "BL03S-SAMPLE:X.RBV", "BL03S-SAMPLE:X.DMOV");
        Assert.Equal(["2.5", "1"], readback.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Put_of_an_array_writes_the_waveform()
    {
        var (code, _, _) = await RunAsync("ca", "put", "-a", "BL03S-SPECTRUM", "1", "2.5", "3");
        Assert.Equal(0, code);
        var (_, output, _) = await RunAsync("ca", "get", "BL03S-SPECTRUM");
        Assert.Matches(@"BL03S-SPECTRUM\s+3 1 2\.5 3", output);
    }

    [Fact]
    public async Task Put_of_several_values_without_array_flag_is_refused()
    {
        var (code, _, error) = await RunAsync("ca", "put", "BL03S-DCM:ENERGY", "1", "2");
        Assert.Equal(2, code);
        Assert.Contains("-a", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_prints_the_current_value_then_each_change()
    {
        var monitor = RunAsync("ca", "monitor", "-n", "2", "BL03S-NAME");
        await _console.WaitForOutputAsync(MonitorLine("I03"), TimeSpan.FromSeconds(20));
        await HyperionCommand.Build().Parse(["ca", "put", "BL03S-NAME", "I04"]).InvokeAsync();
        var (code, output, _) = await monitor.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, code);
        var lines = MonitorLine(".*").Matches(output).Select(m => m.Groups["value"].Value).ToList();
        Assert.Equal(["I03", "I04"], lines);
    }

    [Fact]
    public async Task Monitor_with_a_bad_mask_names_it()
    {
        var (code, _, error) = await RunAsync("ca", "monitor", "-m", "xyz", "BL03S-NAME");
        Assert.Equal(2, code);
        Assert.Contains("xyz", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_shows_the_native_type_count_and_access()
    {
        var (code, output, _) = await RunAsync("ca", "info", "BL03S-SPECTRUM", "BL03S-DCM:ENERGY");
        Assert.Equal(0, code);
        Assert.Matches(@"BL03S-SPECTRUM\s+State:\s+connected", output);
        Assert.Matches(@"Native data type:\s+DBF_DOUBLE", output);
        Assert.Matches(@"Element count:\s+4", output);
        Assert.Contains("read, write", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_reports_a_malformed_database_with_file_line_and_column()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"hyperion-bad-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(bad, "record(ai, \"OK\") {}\nrecord(ai, \"BROKEN\") {\n    field(VAL 1)\n}\n");
        try
        {
            var (code, _, error) = await RunAsync("ca", "serve", "--db", bad, "--port", "0");
            Assert.Equal(2, code);
            Assert.Contains(Path.GetFileName(bad), error, StringComparison.Ordinal);
            Assert.Matches(@":3:\d+", error);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Serve_reports_an_undefined_macro()
    {
        var (code, _, error) = await RunAsync("ca", "serve", "--db", _dbFile, "--port", "0");
        Assert.Equal(2, code);
        Assert.Contains("P", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(_dbFile), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_reports_a_missing_file()
    {
        var (code, _, error) = await RunAsync("ca", "serve", "--db", "/nonexistent/beamline.db");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/beamline.db", error, StringComparison.Ordinal);
    }

    // Each tool's own output: what it added to the shared capture while it ran.
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (outStart, errorStart) = _console.Mark();
        var code = await HyperionCommand.Build().Parse(args).InvokeAsync();
        var (output, error) = _console.Since(outStart, errorStart);
        return (code, output, error);
    }

    private void SetEnvironment(string name, string value)
    {
        _savedEnvironment.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    [GeneratedRegex(@"UDP search port (?<udp>\d+)")]
    private static partial Regex ServingLine();

    private static Regex MonitorLine(string value) => new($@"(?m)^BL03S-NAME\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ (?<value>{value})\s*$");
}
