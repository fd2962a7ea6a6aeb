using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;

namespace Hyperion.SimBeamline.Tests;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private Synchrotron _synchrotron = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(50));
        _client = _twin.CreateClient();
        _synchrotron = I03Beamline.Create("s03", includeSimulatorAbsent: true).Get<Synchrotron>("synchrotron");
        await _synchrotron.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task The_ring_runs_in_user_mode_with_its_top_up_counting_down()
    {
        await _synchrotron.SynchrotronMode.WaitForValueAsync(SynchrotronMode.User, TimeSpan.FromSeconds(10));
        var first = await _synchrotron.TopUpStartCountdown.WaitForValueAsync(v => v > 0, TimeSpan.FromSeconds(10), "counting");
        await _synchrotron.TopUpStartCountdown.WaitForValueAsync(v => v < first, TimeSpan.FromSeconds(10), "lower");
        Assert.InRange(await _synchrotron.Current.GetValueAsync(), 290, 300);
    }

    [Fact]
    public async Task A_beam_dump_from_a_fault_file_empties_the_ring_until_restored()
    {
        // 200 s of twin time between dump and restore is 4 s at 50×: room for the reads under any load.
        var schedule = FaultInjector.Parse("""[{"at_s": 2, "fault": "beam_dump"}, {"at_s": 200, "fault": "beam_restore"}]""");
        var run = _twin.Faults.RunScheduleAsync(schedule);
        await _synchrotron.SynchrotronMode.WaitForValueAsync(SynchrotronMode.NoBeam, TimeSpan.FromSeconds(10));
        Assert.Equal(0, await _synchrotron.Current.GetValueAsync());
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        await _synchrotron.SynchrotronMode.WaitForValueAsync(SynchrotronMode.User, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Motor_limits_injected_on_the_smargon_refuse_a_move_beyond_them()
    {
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "motor_limits", Pv = "BL03S-MO-SGON-01:Y", Low = -1, High = 1 });
        var error = await Assert.ThrowsAsync<MotorLimitsException>(() => smargon.Y.MoveToAsync(2));
        Assert.Contains("-1 mm < x < 1 mm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ioc_outage_disconnects_the_smargon_until_it_comes_back()
    {
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
        var before = await smargon.X.UserReadback.GetValueAsync();

        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "pv_disconnect", Pv = "BL03S-MO-SGON-01:*" });
        Assert.Equal(["BL03S-MO-SGON-01:*"], _twin.Provider.Down);
        var error = await Assert.ThrowsAsync<ChannelAccess.Pv.PvException>(() => smargon.X.UserReadback.GetValueAsync());
        Assert.Equal(ChannelAccess.Protocol.Eca.Disconn, error.Status);
        Assert.Contains("BL03S-MO-SGON-01:X.RBV", error.Message, StringComparison.Ordinal);
        Assert.Equal(300, await _synchrotron.Current.GetValueAsync(), 10.0);

        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "pv_reconnect", Pv = "BL03S-MO-SGON-01:*" });
        Assert.Empty(_twin.Provider.Down);
        await _client.Channel("BL03S-MO-SGON-01:X.RBV").WaitForConnectionAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(before, await smargon.X.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task A_stalled_axis_stops_short_with_a_major_alarm_until_the_stall_clears()
    {
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "motor_stall", Pv = "BL03S-MO-SGON-01:Z" });

        await smargon.Z.MoveToAsync(0.5);
        Assert.Equal(0, await smargon.Z.UserReadback.GetValueAsync(), 6);
        var readback = await _client.Channel("BL03S-MO-SGON-01:Z.RBV").GetAsync();
        Assert.Equal(ChannelAccess.Dbr.AlarmSeverity.Major, readback.Severity);

        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "motor_unstall", Pv = "BL03S-MO-SGON-01:Z" });
        await smargon.Z.MoveToAsync(0.5);
        Assert.Equal(0.5, await smargon.Z.UserReadback.GetValueAsync(), 6);
    }

    [Fact]
    public async Task A_limit_switch_hit_stops_moves_towards_it()
    {
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "limit_switch", Pv = "BL03S-MO-SGON-01:X", Side = "high" });

        await smargon.X.MoveToAsync(0.3);
        Assert.Equal(0, await smargon.X.UserReadback.GetValueAsync(), 6);
        await smargon.X.MoveToAsync(-0.3);
        Assert.Equal(-0.3, await smargon.X.UserReadback.GetValueAsync(), 6);

        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "limit_switch_release", Pv = "BL03S-MO-SGON-01:X", Side = "high" });
        await smargon.X.MoveToAsync(0.3);
        Assert.Equal(0.3, await smargon.X.UserReadback.GetValueAsync(), 6);
    }

    [Fact]
    public async Task A_stall_of_something_not_a_motor_is_refused_naming_it()
    {
        var error = await Assert.ThrowsAsync<FaultException>(() => _twin.Faults.InjectAsync(new FaultDefinition { Fault = "motor_stall", Pv = "BL03S-MO-SGON-01:NOPE" }));
        Assert.Contains("'BL03S-MO-SGON-01:NOPE' is not a motor record", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"at_s": 1, "fault": "meteor"}]""", "faults[0].fault: 'meteor' is not a fault")]
    [InlineData("""[{"at_s": -1, "fault": "beam_dump"}]""", "faults[0].at_s: must be 0 or more")]
    [InlineData("""[{"fault": "empty_position", "puck": 2}]""", "faults[0]: empty_position needs a puck and a pin")]
    [InlineData("""[{"fault": "motor_limits", "pv": "X", "low": 2, "high": 1}]""", "motor_limits needs pv")]
    [InlineData("""[{"fault": "beam_dump", "when": 3}]""", "faults $[0].when")]
    [InlineData("""[{"fault": """, "line")]
    [InlineData("""[{"fault": "pv_disconnect"}]""", "faults[0].pv: pv_disconnect needs pv")]
    [InlineData("""[{"fault": "limit_switch", "pv": "M", "side": "top"}]""", "limit_switch needs pv (a motor record) and side (high or low)")]
    public void A_fault_file_that_cannot_be_run_is_refused_naming_the_entry(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<FaultException>(() => FaultInjector.Parse(json)).Message, StringComparison.Ordinal);
}
