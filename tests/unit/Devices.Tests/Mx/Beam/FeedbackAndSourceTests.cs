using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Tests.Mx.Robot;

namespace Hyperion.Devices.Tests.Mx.Beam;

public class FeedbackAndSourceTests
{
    [Fact]
    public async Task Flux_reads_and_hints_the_flux_at_the_sample()
    {
        var flux = new Flux("BL03I-MO-FLUX-01:", "flux");
        await flux.ConnectAsync(new DeviceConnectOptions { Mock = true });
        flux.FluxReading.Mock!.SetValue(1e12);
        Assert.Equal("mock+ca://BL03I-MO-FLUX-01:SAMP", flux.FluxReading.Source);
        Assert.Equal(1e12, (await flux.ReadAsync())["flux-flux_reading"].Value);
        Assert.Equal(["flux-flux_reading"], flux.Hints.Fields);
    }

    private static async Task<(XbpmFeedback Xbpm, Baton Baton, RecordingLogger Log)> MockXbpmAsync()
    {
        var log = new RecordingLogger();
        var baton = new Baton("BL03I-CS-BATON-01:", "baton");
        var xbpm = new XbpmFeedback("BL03I-EA-FDBK-01:", baton, "xbpm_feedback", log);
        await baton.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await xbpm.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return (xbpm, baton, log);
    }

    [Fact]
    public async Task The_xbpm_feedback_pvs_are_dodals()
    {
        var (xbpm, _, _) = await MockXbpmAsync();
        Assert.Equal("mock+ca://BL03I-EA-FDBK-01:XBPM2POSITION_OK", xbpm.PosOk.Source);
        Assert.Equal("mock+ca://BL03I-EA-FDBK-01:XBPM2_STABLE", xbpm.PosStable.Source);
        Assert.Equal("mock+ca://BL03I-EA-FDBK-01:FB_PAUSE", xbpm.PauseFeedback.Source);
        Assert.Equal(["Paused", "Ok to Run"], SignalDatatype<Pause>.Choices);
        await xbpm.PauseFeedback.SetAsync(Pause.Pause);
        Assert.Equal(Pause.Pause, await xbpm.PauseFeedback.GetValueAsync());
    }

    [Fact]
    public async Task Trigger_waits_until_the_position_is_stable_and_reminds_meanwhile()
    {
        var (xbpm, _, log) = await MockXbpmAsync();
        var trigger = xbpm.Trigger();
        await log.WaitForAsync("Waiting for XBPM");
        Assert.False(trigger.Done);
        xbpm.PosStable.Mock!.SetValue(1);
        await trigger.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Trigger_completes_at_once_when_already_stable()
    {
        var (xbpm, _, _) = await MockXbpmAsync();
        xbpm.PosStable.Mock!.SetValue(1);
        await xbpm.TriggerAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task In_commissioning_mode_trigger_ignores_the_feedback()
    {
        var (xbpm, baton, log) = await MockXbpmAsync();
        baton.Commissioning.Mock!.SetValue(true);
        await xbpm.TriggerAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(log.Lines, l => l.Message == "Commissioning mode enabled, ignoring feedback");
    }

    [Fact]
    public void The_reminder_schedule_slows_down_as_dodals()
    {
        Assert.Equal(
            [(1.0, 3), (5.0, 3), (60.0, 5), (300.0, 5), (1800.0, 5), (3600.0, (int?)null)],
            PeriodicReminder.Schedule.Select(s => (s.Interval.TotalSeconds, s.Count)));
    }

    [Fact]
    public async Task The_synchrotron_pvs_and_readings_are_dodals()
    {
        var synchrotron = new Synchrotron(name: "synchrotron");
        await synchrotron.ConnectAsync(new DeviceConnectOptions { Mock = true });
        Assert.Equal("mock+ca://SR-DI-DCCT-01:SIGNAL", synchrotron.Current.Source);
        Assert.Equal("mock+ca://CS-CS-MSTAT-01:BEAMENERGY", synchrotron.Energy.Source);
        Assert.Equal("mock+ca://CS-CS-MSTAT-01:MODE", synchrotron.SynchrotronMode.Source);
        Assert.Equal("mock+ca://CS-CS-MSTAT-01:USERCOUNTDN", synchrotron.MachineUserCountdown.Source);
        Assert.Equal("mock+ca://SR-CS-FILL-01:COUNTDOWN", synchrotron.TopUpStartCountdown.Source);
        Assert.Equal("mock+ca://SR-CS-FILL-01:STACOUNTDN", synchrotron.TopUpCountdown.Source);
        Assert.Equal("mock+ca://SR-CS-FILL-01:ENDCOUNTDN", synchrotron.TopUpEndCountdown.Source);
        Assert.Equal("mock+ca://SR-CS-FILL-01:FILLPERIOD", synchrotron.FillPeriod.Source);
        Assert.Equal("mock+ca://SR-CS-FILL-01:TOPUPSTATE", synchrotron.TopUpState.Source);
        synchrotron.Current.Mock!.SetValue(300.2);
        synchrotron.SynchrotronMode.Mock!.SetValue(SynchrotronMode.Dev);
        var reading = await synchrotron.ReadAsync();
        Assert.Equal(["synchrotron-current", "synchrotron-energy"], reading.Keys.Order(StringComparer.Ordinal));
        var configuration = await synchrotron.ReadConfigurationAsync();
        Assert.Equal("Mach. Dev.", configuration["synchrotron-synchrotron_mode"].Value);
        Assert.Equal("x-ray", configuration["synchrotron-probe"].Value);
        Assert.Equal("Synchrotron X-ray Source", configuration["synchrotron-type"].Value);
    }

    [Fact]
    public void The_machine_enums_have_every_label()
    {
        Assert.Equal(["Shutdown", "Injection", "No Beam", "Mach. Dev.", "User", "Special", "BL Startup", "Unknown"], SignalDatatype<SynchrotronMode>.Choices);
        Assert.Equal(["Off", "Running", "Stopping", "Failed", "No process"], SignalDatatype<TopUpState>.Choices);
        Assert.Equal(["ENABLED", "DISABLED"], SignalDatatype<EnabledDisabledUpper>.Choices);
    }
}
