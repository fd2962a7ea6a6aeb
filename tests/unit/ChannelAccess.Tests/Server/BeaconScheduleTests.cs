using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

public class BeaconScheduleTests
{
    [Fact]
    public void Beacons_start_20_ms_apart_and_double_up_to_the_period()
    {
        var schedule = new BeaconSchedule(TimeSpan.FromSeconds(15));
        var delays = Enumerable.Range(0, 12).Select(_ => schedule.NextDelay().TotalMilliseconds).ToArray();
        Assert.Equal([20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10240, 15000, 15000], delays);
    }

    [Fact]
    public void Beacon_ids_count_from_zero_for_each_schedule()
    {
        var first = new BeaconSchedule(TimeSpan.FromSeconds(1));
        Assert.Equal([0u, 1u, 2u], new[] { first.NextId(), first.NextId(), first.NextId() });
        Assert.Equal(0u, new BeaconSchedule(TimeSpan.FromSeconds(1)).NextId());
    }

    [Fact]
    public void A_period_shorter_than_the_first_interval_caps_it()
    {
        var schedule = new BeaconSchedule(TimeSpan.FromMilliseconds(5));
        Assert.Equal(5, schedule.NextDelay().TotalMilliseconds);
        Assert.Equal(5, schedule.NextDelay().TotalMilliseconds);
    }
}
