using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Sample;

namespace Hyperion.Devices.Tests.Mx.Beam;

public sealed class UndulatorTests : IDisposable
{
    private readonly string _table = Path.GetTempFileName();

    public UndulatorTests() => File.WriteAllText(_table, EnergyDistanceTableTests.UndulatorTable);

    public void Dispose() => File.Delete(_table);

    private async Task<(UndulatorInKeV Undulator, Baton Baton)> MockUndulatorAsync(EnabledDisabledUpper access = EnabledDisabledUpper.Enabled, bool commissioning = false)
    {
        var baton = new Baton("BL03I-CS-BATON-01:", "baton");
        var undulator = new UndulatorInKeV("SR03I-MO-SERVC-01:", _table, baton: baton, name: "undulator");
        await Task.WhenAll(baton.ConnectAsync(new DeviceConnectOptions { Mock = true }), undulator.ConnectAsync(new DeviceConnectOptions { Mock = true }));
        undulator.GapAccess.Mock!.SetValue(access);
        baton.Commissioning.Mock!.SetValue(commissioning);
        return (undulator, baton);
    }

    [Fact]
    public async Task The_pvs_and_readings_are_dodals()
    {
        var (undulator, _) = await MockUndulatorAsync();
        Assert.Equal("mock+ca://SR03I-MO-SERVC-01:IDBLENA", undulator.GapAccess.Source);
        Assert.Equal("mock+ca://SR03I-MO-SERVC-01:BLGAPMTR.RBV", undulator.GapMotor.UserReadback.Source);
        Assert.Equal("mock+ca://SR03I-MO-SERVC-01:CURRGAPD", undulator.CurrentGap.Source);
        undulator.GapAccess.Mock!.SetValue(EnabledDisabledUpper.Disabled);
        var reading = await undulator.ReadAsync();
        Assert.Equal(["undulator-current_gap", "undulator-gap_access", "undulator-gap_motor"], reading.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("DISABLED", reading["undulator-gap_access"].Value);
        var configuration = await undulator.ReadConfigurationAsync();
        Assert.Equal(0.002, configuration["undulator-gap_discrepancy_tolerance_mm"].Value);
        Assert.DoesNotContain("undulator-poles", configuration.Keys);
    }

    [Fact]
    public async Task Poles_length_and_period_are_configuration_when_given()
    {
        var undulator = new UndulatorInMm("SR03I-MO-SERVC-01:", poles: 80, length: 2.0, undulatorPeriod: 27, name: "undulator");
        await undulator.ConnectAsync(new DeviceConnectOptions { Mock = true });
        var configuration = await undulator.ReadConfigurationAsync();
        Assert.Equal(80, configuration["undulator-poles"].Value);
        Assert.Equal(2.0, configuration["undulator-length"].Value);
        Assert.Equal(27, configuration["undulator-undulator_period"].Value);
    }

    [Fact]
    public async Task Setting_an_energy_moves_the_gap_to_the_interpolated_lookup_value_within_10_s()
    {
        var (undulator, _) = await MockUndulatorAsync();
        undulator.CurrentGap.Mock!.SetValue(5.0);
        await undulator.Set(6.25);
        Assert.Equal(5.6357, Assert.Single(undulator.GapMotor.UserSetpoint.Mock!.Puts).Value, 9);
        Assert.Equal(5.6357, await undulator.GetGapToMatchEnergyAsync(6.25), 9);
        Assert.Equal(TimeSpan.FromSeconds(10), BaseUndulator.StatusTimeout);
    }

    [Fact]
    public async Task A_gap_within_the_tolerance_is_not_moved()
    {
        var (undulator, _) = await MockUndulatorAsync();
        undulator.CurrentGap.Mock!.SetValue(5.5462 + 0.0019);
        await undulator.SetAsync(6.0);
        Assert.Empty(undulator.GapMotor.UserSetpoint.Mock!.Puts);
    }

    [Fact]
    public async Task Without_gap_access_the_move_is_refused()
    {
        var (undulator, _) = await MockUndulatorAsync(EnabledDisabledUpper.Disabled);
        var error = await Assert.ThrowsAsync<AccessErrorException>(() => undulator.SetAsync(7.0));
        Assert.Equal("Undulator gap access is disabled. Contact Control Room", error.Message);
        Assert.Empty(undulator.GapMotor.UserSetpoint.Mock!.Puts);
    }

    [Theory]
    [InlineData(EnabledDisabledUpper.Disabled)]
    [InlineData(EnabledDisabledUpper.Enabled)]
    public async Task In_commissioning_mode_nothing_is_refused_and_nothing_moves(EnabledDisabledUpper access)
    {
        var (undulator, _) = await MockUndulatorAsync(access, commissioning: true);
        await undulator.SetAsync(7.0);
        Assert.Empty(undulator.GapMotor.UserSetpoint.Mock!.Puts);
    }

    [Fact]
    public async Task A_stopped_gap_move_fails_the_set()
    {
        var (undulator, _) = await MockUndulatorAsync();
        var moving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        undulator.GapMotor.UserSetpoint.Mock!.PutCallback = (_, _) =>
        {
            moving.TrySetResult();
            return Task.CompletedTask;
        };
        undulator.GapMotor.UserSetpoint.Mock.BlockPuts();
        var set = undulator.SetAsync(7.0);
        await moving.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await undulator.GapMotor.StopAsync();
        undulator.GapMotor.UserSetpoint.Mock.ReleasePuts();
        await Assert.ThrowsAsync<Errors.MotorStoppedException>(() => set);
    }

    [Fact]
    public async Task A_gap_in_mm_moves_directly()
    {
        var undulator = new UndulatorInMm("SR03I-MO-SERVC-01:", name: "undulator");
        await undulator.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await undulator.SetAsync(6.5);
        Assert.Equal(6.5, await undulator.GapMotor.UserReadback.GetValueAsync());
        Assert.IsType<Motor>(undulator.GapMotor);
    }
}
