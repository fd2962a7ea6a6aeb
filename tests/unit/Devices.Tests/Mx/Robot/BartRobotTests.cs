using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Robot;

public class BartRobotTests
{
    private const string Prefix = "BL03I-MO-ROBOT-01:";

    private static async Task<BartRobot> MockRobotAsync(RecordingLogger? logger = null, TimeSpan? loadTimeout = null, TimeSpan? notBusyTimeout = null)
    {
        logger ??= new RecordingLogger();
        var robot = new BartRobot(Prefix, "robot", logger)
        {
            LoadTimeout = loadTimeout ?? BartRobot.DefaultLoadTimeout,
            NotBusyTimeout = notBusyTimeout ?? BartRobot.DefaultNotBusyTimeout,
        };
        await robot.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return robot;
    }

    // The new pin arrives once the robot waits for it.
    private static void MountOnLoad(BartRobot robot, RecordingLogger logger) =>
        _ = logger.WaitForAsync("Waiting on new pin loaded").ContinueWith(
            _ => robot.GonioPinSensor.Mock!.SetValue(PinMounted.PinMounted),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);

    [Fact]
    public void The_pvs_are_dodals()
    {
        var robot = new BartRobot(Prefix, "robot");
        static string Read<T>(SignalBase<T> s) => ((PvSignalBackend<T>)s.Backend).ReadPv;
        static string Write<T>(SignalBase<T> s) => ((PvSignalBackend<T>)s.Backend).WritePv;
        Assert.Equal(Prefix + "BARCODE", Read(robot.Barcode));
        Assert.Equal(Prefix + "PIN_MOUNTED", Read(robot.GonioPinSensor));
        Assert.Equal((Prefix + "NEXT_PIN", Prefix + "NEXT_PIN_RBV"), (Write(robot.NextPin), Read(robot.NextPin)));
        Assert.Equal((Prefix + "NEXT_PUCK", Prefix + "NEXT_PUCK_RBV"), (Write(robot.NextPuck), Read(robot.NextPuck)));
        Assert.Equal(Prefix + "CURRENT_PUCK_RBV", Read(robot.CurrentPuck));
        Assert.Equal(Prefix + "CURRENT_PIN_RBV", Read(robot.CurrentPin));
        Assert.Equal((Prefix + "NEXT_ID", Prefix + "NEXT_ID_RBV"), (Write(robot.NextSampleId), Read(robot.NextSampleId)));
        Assert.Equal(Prefix + "CURRENT_ID_RBV", Read(robot.SampleId));
        Assert.Equal(Prefix + "LOAD.PROC", Write(robot.Load));
        Assert.Equal(Prefix + "UNLOAD.PROC", Write(robot.Unload));
        Assert.Equal(Prefix + "PROGRAM_RUNNING", Read(robot.ProgramRunning));
        Assert.Equal(Prefix + "PROGRAM_NAME", Read(robot.ProgramName));
        Assert.Equal(Prefix + "PRG_ERR_MSG", Read(robot.ProgError.Str));
        Assert.Equal(Prefix + "PRG_ERR_CODE", Read(robot.ProgError.Code));
        Assert.Equal(Prefix + "CNTL_ERR_MSG", Read(robot.ControllerError.Str));
        Assert.Equal(Prefix + "CNTL_ERR_CODE", Read(robot.ControllerError.Code));
        Assert.Equal(Prefix + "RESET.PROC", Write(robot.Reset));
    }

    [Fact]
    public async Task Signals_are_named_as_dodal_names_them_and_nothing_is_read()
    {
        var robot = await MockRobotAsync();
        Assert.Equal("robot-prog_error-code", robot.ProgError.Code.Name);
        Assert.Equal("robot-controller_error-str", robot.ControllerError.Str.Name);
        Assert.Equal("robot-gonio_pin_sensor", robot.GonioPinSensor.Name);
        Assert.Equal("robot-next_sample_id", robot.NextSampleId.Name);
        Assert.Empty(await robot.ReadAsync());
        Assert.Empty(await robot.ReadConfigurationAsync());
    }

    [Fact]
    public async Task A_load_asks_for_the_puck_and_pin_then_triggers_the_load_and_waits_for_the_pin()
    {
        var logger = new RecordingLogger();
        var robot = await MockRobotAsync(logger);
        MountOnLoad(robot, logger);
        await robot.Set(new SampleLocation(5, 3));
        Assert.Equal([new MockPut<double>(5, true)], robot.NextPuck.Mock!.Puts);
        Assert.Equal([new MockPut<double>(3, true)], robot.NextPin.Mock!.Puts);
        Assert.Single(robot.Load.Mock!.Puts);
        Assert.Empty(robot.Reset.Mock!.Puts);
        Assert.Contains(logger.Lines, l => l.Message == "Loading pin SampleLocation(puck=5, pin=3)");
        Assert.Contains(logger.Lines, l => l.Message == "Waiting on new pin loaded");
    }

    [Fact]
    public async Task A_tripped_light_curtain_is_reset_before_loading()
    {
        var logger = new RecordingLogger();
        var robot = await MockRobotAsync(logger);
        MountOnLoad(robot, logger);
        robot.ControllerError.Code.Mock!.SetValue(BartRobot.LightCurtainTripped);
        var order = new List<string>();
        robot.Reset.Mock!.PutCallback = (_, _) =>
        {
            order.Add("reset");
            robot.ControllerError.Code.Mock.SetValue(0);
            return Task.CompletedTask;
        };
        robot.NextPuck.Mock!.PutCallback = (_, _) =>
        {
            order.Add("puck");
            return Task.CompletedTask;
        };
        await robot.SetAsync(new SampleLocation(1, 2));
        Assert.Equal(["reset", "puck"], order);
    }

    [Fact]
    public async Task A_busy_robot_is_waited_for_before_the_puck_and_pin_are_asked_for()
    {
        var logger = new RecordingLogger();
        var robot = await MockRobotAsync(logger);
        MountOnLoad(robot, logger);
        robot.ProgramRunning.Mock!.SetValue(true);
        robot.ProgramName.Mock!.SetValue("Drying");
        var load = robot.SetAsync(new SampleLocation(1, 2));
        await logger.WaitForAsync("Waiting on robot to finish Drying");
        Assert.Empty(robot.NextPuck.Mock!.Puts);
        robot.ProgramRunning.Mock.SetValue(false);
        await load.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(robot.NextPuck.Mock.Puts);
    }

    [Fact]
    public async Task With_a_pin_on_the_gonio_the_load_waits_for_it_to_go_and_the_new_one_to_arrive()
    {
        var logger = new RecordingLogger();
        var robot = await MockRobotAsync(logger);
        robot.GonioPinSensor.Mock!.SetValue(PinMounted.PinMounted);
        var load = robot.SetAsync(new SampleLocation(1, 2));
        await logger.WaitForAsync("Waiting on old pin unloaded");
        robot.GonioPinSensor.Mock.SetValue(PinMounted.NoPinMounted);
        await logger.WaitForAsync("Waiting on new pin loaded");
        Assert.False(load.IsCompleted);
        robot.GonioPinSensor.Mock.SetValue(PinMounted.PinMounted);
        await load.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task No_pin_detected_fails_with_code_25_at_once()
    {
        var robot = await MockRobotAsync();
        robot.Load.Mock!.PutCallback = (_, _) =>
        {
            robot.ProgError.Code.Mock!.SetValue(BartRobot.NoPinErrorCode);
            return Task.CompletedTask;
        };
        var error = await Assert.ThrowsAsync<RobotLoadFailedException>(() => robot.Set(new SampleLocation(1, 2)).Task);
        Assert.Equal(25, error.ErrorCode);
        Assert.Equal("Pin was not detected", error.Message);
        Assert.Equal("Pin was not detected", error.ErrorString);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_time_out_with_a_program_error_reports_the_program_error()
    {
        var robot = await MockRobotAsync(notBusyTimeout: TimeSpan.FromMilliseconds(50));
        robot.ProgramRunning.Mock!.SetValue(true);
        robot.ProgError.Code.Mock!.SetValue(12);
        robot.ProgError.Str.Mock!.SetValue("Gripper jammed");
        robot.ControllerError.Code.Mock!.SetValue(7);
        var error = await Assert.ThrowsAsync<RobotLoadFailedException>(() => robot.SetAsync(new SampleLocation(1, 2)));
        Assert.Equal((12, "Gripper jammed"), (error.ErrorCode, error.Message));
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_time_out_with_only_a_controller_error_reports_the_controller_error()
    {
        var robot = await MockRobotAsync(loadTimeout: TimeSpan.FromMilliseconds(50), notBusyTimeout: TimeSpan.Zero);
        robot.Load.Mock!.PutCallback = (_, _) =>
        {
            robot.ControllerError.Code.Mock!.SetValue(3);
            robot.ControllerError.Str.Mock!.SetValue("Collision");
            return Task.CompletedTask;
        };
        var error = await Assert.ThrowsAsync<RobotLoadFailedException>(() => robot.SetAsync(new SampleLocation(1, 2)));
        Assert.Equal((3, "Collision"), (error.ErrorCode, error.ErrorString));
    }

    [Fact]
    public async Task A_time_out_with_no_error_is_robot_timed_out_with_code_0()
    {
        var robot = await MockRobotAsync(loadTimeout: TimeSpan.FromMilliseconds(50), notBusyTimeout: TimeSpan.Zero);
        var error = await Assert.ThrowsAsync<RobotLoadFailedException>(() => robot.SetAsync(new SampleLocation(1, 2)));
        Assert.Equal((0, "Robot timed out"), (error.ErrorCode, error.Message));
        Assert.IsAssignableFrom<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_puck_that_is_never_read_back_times_out_as_a_robot_time_out()
    {
        var robot = new BartRobot(Prefix, "robot") { SetpointTimeout = TimeSpan.FromMilliseconds(50) };
        await robot.ConnectAsync(new DeviceConnectOptions { Mock = true });
        robot.NextPuck.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<RobotLoadFailedException>(() => robot.SetAsync(new SampleLocation(4, 2)));
        Assert.Equal("Robot timed out", error.Message);
        Assert.Empty(robot.Load.Mock!.Puts);
    }

    [Fact]
    public async Task Setting_anything_but_a_sample_location_is_refused()
    {
        var robot = await MockRobotAsync();
        Assert.Throws<Errors.SignalTypeException>(() => robot.Set(3));
    }

    [Fact]
    public void The_constants_are_dodals()
    {
        Assert.Equal(TimeSpan.FromSeconds(300), BartRobot.DefaultNotBusyTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), BartRobot.DefaultLoadTimeout);
        Assert.Equal(25, BartRobot.NoPinErrorCode);
        Assert.Equal(40, BartRobot.LightCurtainTripped);
        Assert.Equal(0.02, BartRobot.LoadToleranceMm);
    }
}
