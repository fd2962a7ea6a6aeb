using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Mx.GridScan;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Tests.Mx.GridScan;

public class ZebraFastGridScanTests
{
    private const string Prefix = "BL03I-MO-SGON-01:";

    private static async Task<ZebraFastGridScan> MockScanAsync(ILogger? logger = null)
    {
        var scan = new ZebraFastGridScan(Prefix, "zebra_fast_grid_scan", logger);
        await scan.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return scan;
    }

    private static void MakeValid(ZebraFastGridScan scan)
    {
        scan.XScanValid.Mock!.SetValue(1);
        scan.YScanValid.Mock!.SetValue(1);
        scan.ZScanValid.Mock!.SetValue(1);
        scan.DeviceScanInvalid.Mock!.SetValue(0);
    }

    private static ZebraGridScanParamsThreeD Params() => new()
    {
        XSteps = 5,
        YSteps = 6,
        ZSteps = 7,
        XStepSizeMm = 0.02,
        YStepSizeMm = 0.03,
        ZStepSizeMm = 0.04,
        XStartMm = 1.5,
        Y1StartMm = 2.5,
        Z1StartMm = 3.5,
        Y2StartMm = 4.5,
        Z2StartMm = 5.5,
        DwellTimeMs = 20,
    };

    [Fact]
    public void The_parameters_use_dodals_pvs_with_rbv_readbacks()
    {
        var scan = new ZebraFastGridScan(Prefix, "zebra_fast_grid_scan");
        var f = Prefix + "FGS:";
        var rw = new (Hyperion.Devices.Signals.SignalBase<int>? I, Hyperion.Devices.Signals.SignalBase<double>? D, string Pv)[]
        {
            (scan.XSteps, null, "X_NUM_STEPS"), (scan.YSteps, null, "Y_NUM_STEPS"), (scan.ZSteps, null, "Z_NUM_STEPS"),
            (null, scan.XStepSize, "X_STEP_SIZE"), (null, scan.YStepSize, "Y_STEP_SIZE"), (null, scan.ZStepSize, "Z_STEP_SIZE"),
            (null, scan.XStart, "X_START"), (null, scan.Y1Start, "Y_START"), (null, scan.Z1Start, "Z_START"),
            (null, scan.Y2Start, "Y2_START"), (null, scan.Z2Start, "Z2_START"), (null, scan.DwellTimeMs, "DWELL_TIME"),
        };
        foreach (var (i, d, pv) in rw)
        {
            Assert.Equal(f + pv, i is not null ? Pv.Write(i) : Pv.Write(d!));
            Assert.Equal(f + pv + "_RBV", i is not null ? Pv.Read(i) : Pv.Read(d!));
        }
    }

    [Fact]
    public void The_other_signals_use_dodals_pvs()
    {
        var scan = new ZebraFastGridScan(Prefix, "zebra_fast_grid_scan");
        Assert.Equal("BL03I-MO-SGON-01:FGS:X_COUNTER", Pv.Read(scan.XCounter));
        Assert.Equal("BL03I-MO-SGON-01:FGS:Y_COUNTER", Pv.Read(scan.YCounter));
        Assert.Equal("BL03I-MO-SGON-01:FGS:X_SCAN_VALID", Pv.Read(scan.XScanValid));
        Assert.Equal("BL03I-MO-SGON-01:FGS:Y_SCAN_VALID", Pv.Read(scan.YScanValid));
        Assert.Equal("BL03I-MO-SGON-01:FGS:Z_SCAN_VALID", Pv.Read(scan.ZScanValid));
        Assert.Equal("BL03I-MO-SGON-01:FGS:SCAN_INVALID", Pv.Read(scan.DeviceScanInvalid));
        Assert.Equal("BL03I-MO-SGON-01:FGS:RUN.PROC", Pv.Write(scan.RunCmd));
        Assert.Equal("BL03I-MO-SGON-01:FGS:STOP.PROC", Pv.Write(scan.StopCmd));
        Assert.Equal("BL03I-MO-SGON-01:FGS:SCAN_STATUS", Pv.Read(scan.Status));
        Assert.Equal("BL03I-MO-SGON-01:FGS:POS_COUNTER_WRITE", Pv.Write(scan.PositionCounter));
        Assert.Equal("BL03I-MO-SGON-01:FGS:POS_COUNTER", Pv.Read(scan.PositionCounter));
        Assert.Equal("BL03I-MO-SGON-01:PROGBITS", Pv.Read(scan.MotionProgram.Running));
        Assert.Equal("BL03I-MO-SGON-01:CS1:PROG_NUM", Pv.Read(scan.MotionProgram.ProgramNumber));
    }

    [Fact]
    public async Task Children_are_named_as_in_dodal_and_nothing_is_read()
    {
        var scan = await MockScanAsync();
        Assert.Equal("zebra_fast_grid_scan-y1_start", scan.Y1Start.Name);
        Assert.Equal("zebra_fast_grid_scan-z1_start", scan.Z1Start.Name);
        Assert.Equal("zebra_fast_grid_scan-dwell_time_ms", scan.DwellTimeMs.Name);
        Assert.Equal("zebra_fast_grid_scan-scan_invalid", scan.ScanInvalid.Name);
        Assert.Equal("zebra_fast_grid_scan-expected_images", scan.ExpectedImages.Name);
        Assert.Equal("zebra_fast_grid_scan-motion_program-program_number", scan.MotionProgram.ProgramNumber.Name);
        Assert.Equal("zebra_fast_grid_scan-position_counter", scan.PositionCounter.Name);
        Assert.Empty(await scan.ReadAsync());
    }

    [Fact]
    public void Prepare_writes_the_parameters_in_dodals_order()
    {
        var scan = new ZebraFastGridScan(Prefix, "zebra_fast_grid_scan");
        string[] expected =
        [
            "x_steps", "y_steps", "x_step_size_mm", "y_step_size_mm", "x_start_mm", "y1_start_mm", "z1_start_mm",
            "z_step_size_mm", "z2_start_mm", "y2_start_mm", "z_steps", "dwell_time_ms",
        ];
        Assert.Equal(expected, scan.MovableParams.Select(p => p.Key));
        Assert.Same(scan.Y1Start, scan.MovableParams[5].Value);
        Assert.Same(scan.DwellTimeMs, scan.MovableParams[^1].Value);
    }

    [Theory]
    [InlineData(1, 1, 1, 0, 0.0)]
    [InlineData(0, 1, 1, 0, 1.0)]
    [InlineData(1, 0, 1, 0, 1.0)]
    [InlineData(1, 1, 0, 0, 1.0)]
    [InlineData(1, 1, 1, 1, 1.0)]
    [InlineData(2, 0.5, 1, 0, 0.0)]
    public async Task Scan_invalid_is_one_unless_every_axis_is_valid_and_the_device_agrees(double x, double y, double z, double device, double expected)
    {
        var scan = await MockScanAsync();
        scan.XScanValid.Mock!.SetValue(x);
        scan.YScanValid.Mock!.SetValue(y);
        scan.ZScanValid.Mock!.SetValue(z);
        scan.DeviceScanInvalid.Mock!.SetValue(device);
        Assert.Equal(expected, await scan.ScanInvalid.GetValueAsync());
    }

    [Theory]
    [InlineData(5, 6, 7, 65)]
    [InlineData(10, 10, 0, 100)]
    [InlineData(0, 4, 4, 0)]
    public async Task Expected_images_is_x_by_y_plus_x_by_z(int x, int y, int z, int expected)
    {
        var scan = await MockScanAsync();
        scan.XSteps.Mock!.SetValue(x);
        scan.YSteps.Mock!.SetValue(y);
        scan.ZSteps.Mock!.SetValue(z);
        Assert.Equal(expected, await scan.ExpectedImages.GetValueAsync());
    }

    [Fact]
    public async Task Prepare_writes_every_parameter_zeroes_the_position_counter_and_waits_for_validity()
    {
        var scan = await MockScanAsync();
        scan.PositionCounter.Mock!.SetValue(123);
        var order = new List<string>();
        foreach (var (key, signal) in scan.MovableParams)
        {
            switch (signal)
            {
                case Hyperion.Devices.Signals.SignalRW<int> i:
                    i.Mock!.PutCallback = (_, wait) => { order.Add($"{key} wait={wait}"); return Task.CompletedTask; };
                    break;
                case Hyperion.Devices.Signals.SignalRW<double> d:
                    d.Mock!.PutCallback = (_, wait) => { order.Add($"{key} wait={wait}"); return Task.CompletedTask; };
                    break;
            }
        }

        // The controller validates the new grid once the last parameter has arrived.
        scan.DwellTimeMs.Mock!.PutCallback = (_, _) => { order.Add("dwell_time_ms wait=True"); MakeValid(scan); return Task.CompletedTask; };
        await scan.Prepare(Params());

        Assert.Equal(scan.MovableParams.Select(p => $"{p.Key} wait=True"), order);
        Assert.Equal(5, await scan.XSteps.GetValueAsync());
        Assert.Equal(2.5, await scan.Y1Start.GetValueAsync());
        Assert.Equal(3.5, await scan.Z1Start.GetValueAsync());
        Assert.Equal(4.5, await scan.Y2Start.GetValueAsync());
        Assert.Equal(5.5, await scan.Z2Start.GetValueAsync());
        Assert.Equal(7, await scan.ZSteps.GetValueAsync());
        Assert.Equal(20, await scan.DwellTimeMs.GetValueAsync());
        Assert.Equal(0, Assert.Single(scan.PositionCounter.Mock.Puts).Value);
        Assert.Equal(0, await scan.PositionCounter.GetValueAsync());
    }

    [Fact]
    public async Task Prepare_fails_with_grid_scan_invalid_when_the_checks_do_not_pass()
    {
        var scan = await MockScanAsync();
        MakeValid(scan);
        scan.YScanValid.Mock!.SetValue(0);
        var error = await Assert.ThrowsAsync<GridScanInvalidException>(() => scan.Prepare(Params()).Task);
        Assert.Equal("Gridscan parameters not validated after 0.5s", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task Prepare_fails_when_a_readback_does_not_match_and_writes_nothing_after_it()
    {
        var scan = await MockScanAsync();
        scan.ParameterSetTimeout = TimeSpan.FromMilliseconds(50);
        scan.XStepSize.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => scan.PrepareAsync(Params()));
        Assert.Contains("zebra_fast_grid_scan-x_step_size did not become 0.02", error.Message, StringComparison.Ordinal);
        Assert.Single(scan.YSteps.Mock!.Puts);
        Assert.Empty(scan.YStepSize.Mock!.Puts);
        Assert.Empty(scan.PositionCounter.Mock!.Puts);
        scan.XStepSize.Mock.ReleasePuts();
    }

    [Fact]
    public async Task Prepare_refuses_parameters_of_another_type()
    {
        var scan = await MockScanAsync();
        var error = Assert.Throws<SignalTypeException>(() => scan.Prepare(new GridScanParamsThreeD()));
        Assert.Equal("zebra_fast_grid_scan: prepare expects a ZebraGridScanParamsThreeD, got GridScanParamsThreeD.", error.Message);
    }

    [Fact]
    public async Task Kickoff_triggers_run_and_waits_for_the_scan_to_start()
    {
        var scan = await MockScanAsync();
        var run = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        scan.RunCmd.Mock!.PutCallback = (_, wait) => { run.TrySetResult(wait); return Task.CompletedTask; };
        var kickoff = scan.Kickoff();
        Assert.True(await run.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(kickoff.Done);
        scan.Status.Mock!.SetValue(1);
        await kickoff.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Kickoff_waits_for_a_motion_program_still_running_before_triggering()
    {
        var scan = await MockScanAsync();
        scan.MotionProgram.Running.Mock!.SetValue(1);
        scan.RunCmd.Mock!.PutCallback = (_, _) => { scan.Status.Mock!.SetValue(1); return Task.CompletedTask; };
        var kickoff = scan.KickoffAsync();
        await scan.MotionProgram.Running.GetValueAsync();
        Assert.Empty(scan.RunCmd.Mock.Puts);
        scan.MotionProgram.Running.Mock.SetValue(0);
        await kickoff.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Single(scan.RunCmd.Mock.Puts);
    }

    [Fact]
    public async Task Kickoff_times_out_when_the_previous_program_does_not_stop()
    {
        var scan = await MockScanAsync();
        scan.KickoffTimeout = TimeSpan.FromMilliseconds(50);
        scan.MotionProgram.Running.Mock!.SetValue(1);
        await Assert.ThrowsAsync<TimeoutException>(() => scan.KickoffAsync());
        Assert.Empty(scan.RunCmd.Mock!.Puts);
    }

    [Fact]
    public async Task Kickoff_times_out_when_the_scan_does_not_start()
    {
        var scan = await MockScanAsync();
        scan.KickoffTimeout = TimeSpan.FromMilliseconds(50);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => scan.Kickoff().Task);
        Assert.Contains("zebra_fast_grid_scan-status did not become 1", error.Message, StringComparison.Ordinal);
        Assert.Single(scan.RunCmd.Mock!.Puts);
    }

    [Fact]
    public async Task Complete_waits_for_the_scan_to_go_idle()
    {
        var scan = await MockScanAsync();
        scan.Status.Mock!.SetValue(1);
        var complete = scan.Complete();
        await scan.Status.GetValueAsync();
        Assert.False(complete.Done);
        scan.Status.Mock.SetValue(0);
        await complete.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(scan.StopCmd.Mock!.Puts);
    }

    [Fact]
    public async Task Complete_that_times_out_logs_stops_the_motion_program_and_fails()
    {
        var logger = new ListLogger();
        var scan = await MockScanAsync(logger);
        Assert.Equal(TimeSpan.FromSeconds(60), scan.CompleteStatusTimeout);
        scan.CompleteStatusTimeout = TimeSpan.FromMilliseconds(50);
        scan.Status.Mock!.SetValue(1);
        await Assert.ThrowsAsync<TimeoutException>(() => scan.Complete().Task);
        Assert.Equal(1, Assert.Single(scan.StopCmd.Mock!.Puts).Value);
        var error = Assert.Single(logger.Messages, m => m.Level == LogLevel.Error);
        Assert.Equal("Hyperion timed out waiting for FGS motion to complete. This may have been caused by a goniometer stage getting stuck.\n                Forcibly stopping the FGS motion program...", error.Text);
    }

    [Fact]
    public void The_timeouts_are_dodals()
    {
        var scan = new ZebraFastGridScan(Prefix);
        Assert.Equal(TimeSpan.FromSeconds(5), scan.KickoffTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), scan.CompleteStatusTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), scan.ValidityCheckTimeout);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
