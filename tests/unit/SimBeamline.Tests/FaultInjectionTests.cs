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
        var schedule = FaultInjector.Parse("""[{"at_s": 2, "fault": "beam_dump"}, {"at_s": 4, "fault": "beam_restore"}]""");
        var run = _twin.Faults.RunScheduleAsync(schedule);
        await _synchrotron.SynchrotronMode.WaitForValueAsync(SynchrotronMode.NoBeam, TimeSpan.FromSeconds(10));
        Assert.Equal(0, await _synchrotron.Current.GetValueAsync());
        await run.WaitAsync(TimeSpan.FromSeconds(10));
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

    [Theory]
    [InlineData("""[{"at_s": 1, "fault": "meteor"}]""", "faults[0].fault: 'meteor' is not a fault")]
    [InlineData("""[{"at_s": -1, "fault": "beam_dump"}]""", "faults[0].at_s: must be 0 or more")]
    [InlineData("""[{"fault": "empty_position", "puck": 2}]""", "faults[0]: empty_position needs a puck and a pin")]
    [InlineData("""[{"fault": "motor_limits", "pv": "X", "low": 2, "high": 1}]""", "motor_limits needs pv")]
    [InlineData("""[{"fault": "beam_dump", "when": 3}]""", "faults $[0].when")]
    [InlineData("""[{"fault": """, "line")]
    public void A_fault_file_that_cannot_be_run_is_refused_naming_the_entry(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<FaultException>(() => FaultInjector.Parse(json)).Message, StringComparison.Ordinal);
}
